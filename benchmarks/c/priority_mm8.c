/* Two-class M/M/8 non-preemptive priority queue: the reference workload of bigclient's
 * benchmark, written as plainly as possible in C for comparison. Binary heap ordered by
 * (time, sequence), MRG32k3a (L'Ecuyer 1999) streams seeded like bigclient's (seed 12345
 * jumped by stream), exponential draws by -log(u). Build: cc -O2 -o priority_mm8 priority_mm8.c -lm
 * Usage: priority_mm8 [days] [warmup_days] */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

typedef struct { int64_t s[6]; } mrg;
static const int64_t m1 = 4294967087LL, m2 = 4294944443LL;
static double mrg_next(mrg *g) {
    int64_t p1 = (1403580LL * g->s[1] - 810728LL * g->s[0]) % m1; if (p1 < 0) p1 += m1;
    g->s[0] = g->s[1]; g->s[1] = g->s[2]; g->s[2] = p1;
    int64_t p2 = (527612LL * g->s[5] - 1370589LL * g->s[3]) % m2; if (p2 < 0) p2 += m2;
    g->s[3] = g->s[4]; g->s[4] = g->s[5]; g->s[5] = p2;
    return (double)(p1 > p2 ? p1 - p2 : p1 - p2 + m1) * 2.328306549295727688e-10;
}
/* Distinct streams: the seed is advanced by a different number of steps per stream. For the
 * benchmark, streams only need to be distinct, not the exact jump-ahead of bigclient. */
static mrg mrg_stream(int id) {
    mrg g = {{12345, 12345, 12345, 12345, 12345, 12345}};
    for (int i = 0; i < 1000 * (id + 1); i++) mrg_next(&g);
    return g;
}

typedef struct { double time; uint64_t seq; int kind; } event; /* kind: 0,1 arrival of class; 2 departure */
static event *heap; static int heap_n, heap_cap; static uint64_t next_seq;
static int before(const event *a, const event *b) { return a->time < b->time || (a->time == b->time && a->seq < b->seq); }
static void push(double t, int kind) {
    if (heap_n == heap_cap) { heap_cap = heap_cap ? 2 * heap_cap : 64; heap = realloc(heap, heap_cap * sizeof(event)); }
    event e = {t, next_seq++, kind}; int i = heap_n++;
    while (i > 0) { int p = (i - 1) / 2; if (!before(&e, &heap[p])) break; heap[i] = heap[p]; i = p; }
    heap[i] = e;
}
static event pop(void) {
    event top = heap[0], last = heap[--heap_n]; int i = 0;
    for (;;) { int c = 2 * i + 1; if (c >= heap_n) break; if (c + 1 < heap_n && before(&heap[c + 1], &heap[c])) c++;
        if (!before(&heap[c], &last)) break; heap[i] = heap[c]; i = c; }
    heap[i] = last; return top;
}

typedef struct { double arrival, service; } customer;
typedef struct { customer *items; size_t head, size, cap; } fifo;
static void fifo_push(fifo *q, customer c) {
    if (q->size == q->cap) { size_t nc = q->cap ? 2 * q->cap : 256; customer *n = malloc(nc * sizeof(customer));
        for (size_t i = 0; i < q->size; i++) n[i] = q->items[(q->head + i) % q->cap]; free(q->items); q->items = n; q->head = 0; q->cap = nc; }
    q->items[(q->head + q->size++) % q->cap] = c;
}
static customer fifo_pop(fifo *q) { customer c = q->items[q->head]; q->head = (q->head + 1) % q->cap; q->size--; return c; }

int main(int argc, char **argv) {
    double horizon = argc > 1 ? atof(argv[1]) : 1e6, warmup = argc > 2 ? atof(argv[2]) : 1000;
    const double rate[2] = {2, 4}; const int servers = 8;
    mrg arr[2] = {mrg_stream(0), mrg_stream(2)}, svc[2] = {mrg_stream(1), mrg_stream(3)};
    fifo q[2] = {{0}}; double wait_sum[2] = {0}; long served[2] = {0}; int busy = 0; uint64_t events = 0;
    struct timespec t0, t1; clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int k = 0; k < 2; k++) push(-log(mrg_next(&arr[k])) / rate[k], k);
    while (heap_n > 0 && heap[0].time <= horizon) {
        event e = pop(); events++; double now = e.time;
        if (e.kind < 2) {
            int k = e.kind; customer c = {now, -log(mrg_next(&svc[k]))};
            if (busy < servers) { if (now >= warmup) { served[k]++; } busy++; push(now + c.service, 2); }
            else fifo_push(&q[k], c);
            push(now - log(mrg_next(&arr[k])) / rate[k], k);
        } else {
            busy--;
            for (int k = 0; k < 2; k++) if (q[k].size) { customer c = fifo_pop(&q[k]);
                if (c.arrival >= warmup) { wait_sum[k] += now - c.arrival; served[k]++; } busy++; push(now + c.service, 2); break; }
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (t1.tv_sec - t0.tv_sec) + 1e-9 * (t1.tv_nsec - t0.tv_nsec);
    printf("events %llu seconds %.3f events_per_s %.0f wait1 %.4f wait2 %.4f\n", (unsigned long long)events, secs, events / secs,
           wait_sum[0] / served[0], wait_sum[1] / served[1]);
    return 0;
}
