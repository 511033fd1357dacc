#include <stdio.h>
int g(char *p);
int f(int a) {
  int x;
  int *p = &a;
  char *q = p;
  return g(q);
}
int k(int a, long l, unsigned char *u, double d) {
  int y = 0;
  printf("%d %s %-5.2f|%lu %c\n", "s", u, l, a, d);
  scanf("%d %lf", &l, &d);
  if (a) return 1;
  y = 2;
}
