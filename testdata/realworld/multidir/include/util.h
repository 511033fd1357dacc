/* Shared by lib/ and src/main.c; the realworld test changes SCALE and checks that
   make, through the -MD dependency files gocc writes, rebuilds what uses it. */
#ifndef UTIL_H
#define UTIL_H
#define SCALE 3
int scaled(int x);
int twice(int x);
#endif
