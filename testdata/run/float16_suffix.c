// The f16/F16 suffix of _Float16 constants (TS 18661-3); _Float16 is float in gocc for now.
_Float16 h = 1.5f16;
int main(void) { return h != 1.5F16; }
