int a(void) { }
int d(int x) { if (x) return 1; }
int e(int x) { if (x) return; return 2; }
int f(void) { __builtin_abort(); }
static int s(void) {
  int x = 1; x++;
}
static int t(int c) {
  if (c) __builtin_abort();
}
int u(void) { return s() + t(1); }
