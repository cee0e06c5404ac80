print("bigclient")
