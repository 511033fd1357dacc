// Integer constants converted to 128-bit types keep their value.
typedef unsigned __int128 U;
typedef __int128 S;
static U gu = (U)-1;

int main(void) {
	U e = (U)-1 << 63;
	if ((unsigned long long)(e >> 64) != ~0ULL || (unsigned long long)e != 1ULL << 63)
		return 1;
	if (gu != ~(U)0 || (unsigned long long)(gu >> 64) != ~0ULL)
		return 2;
	if ((S)(U)-1 != -1 || (U)(S)-1 != gu || (U)-1L != gu)
		return 4;
	S c = (U)1 << 127;
	if ((U)(c >> 64) != (U)-1 << 63)
		return 6;
	return 0;
}
