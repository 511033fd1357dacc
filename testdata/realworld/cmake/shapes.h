#ifndef SHAPES_H
#define SHAPES_H
#define SHAPES_API __attribute__((visibility("default")))
SHAPES_API double circle_area(double r);
SHAPES_API long box_volume(long w, long h, long d);
#endif
