#ifndef OTHER_H
#define OTHER_H
int plus_one(int x);
#endif
