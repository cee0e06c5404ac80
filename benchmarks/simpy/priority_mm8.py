#!/usr/bin/env python3
"""Two-class M/M/8 non-preemptive priority queue in idiomatic SimPy: the benchmark workload of
bigclient (scenarios/benchmark/mm8-priority.json5, benchmarks/c/priority_mm8.c).

One process per order, a PriorityResource with 8 servers (priority 0 = key orders first, FIFO
within a class, no interruption). Arrival rates 2 and 4 per day, exponential service of mean
1 day; time unit: the day. Waits are averaged over orders arriving after the warm-up.

Usage: priority_mm8.py [days] [warmup_days] [seed]     (defaults 20000, 1000, 12345)
Prints, like the C program:
  events N seconds S events_per_s R wait1 W1 wait2 W2 orders K
where events = arrivals + completions up to the horizon (about 2 x orders: the events the C
program counts; SimPy's own event count is higher, with request and timeout events per order)
and waits are in days. A benchmark tool, not a dependency of bigclient: pip install simpy.
"""
import random
import sys
import time

import simpy

RATES = (2.0, 4.0)      # orders per day, key then regular
MEAN_SERVICE = 1.0      # days
SERVERS = 8


def order(env, server, priority, service, warmup, stats):
    arrival = env.now
    with server.request(priority=priority) as request:
        yield request
        if arrival >= warmup:
            stats[priority][0] += env.now - arrival
            stats[priority][1] += 1
        yield env.timeout(service)
    stats["completed"] += 1


def source(env, server, priority, rate, arrivals, services, warmup, stats):
    while True:
        yield env.timeout(arrivals.expovariate(rate))
        stats["orders"] += 1
        env.process(order(env, server, priority, services.expovariate(1.0 / MEAN_SERVICE), warmup, stats))


def main():
    days = float(sys.argv[1]) if len(sys.argv) > 1 else 20000.0
    warmup = float(sys.argv[2]) if len(sys.argv) > 2 else 1000.0
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 12345
    env = simpy.Environment()
    server = simpy.PriorityResource(env, capacity=SERVERS)
    stats = {0: [0.0, 0], 1: [0.0, 0], "orders": 0, "completed": 0}
    for priority, rate in enumerate(RATES):
        # Separate streams for each class's arrivals and work, as in the C program.
        arrivals = random.Random(seed * 4 + 2 * priority)
        services = random.Random(seed * 4 + 2 * priority + 1)
        env.process(source(env, server, priority, rate, arrivals, services, warmup, stats))
    start = time.perf_counter()
    env.run(until=days)
    seconds = time.perf_counter() - start
    events = stats["orders"] + stats["completed"]
    print("events %d seconds %.3f events_per_s %.0f wait1 %.4f wait2 %.4f orders %d" % (
        events, seconds, events / seconds, stats[0][0] / stats[0][1], stats[1][0] / stats[1][1], stats["orders"]))


if __name__ == "__main__":
    main()
