// GNU vectors: __builtin_convertvector converts element by element; vector_size
// written in declaration specifiers applies to a function's return type and to a
// parameter's type (gcc's vector-1/2/3.c, pr96426.c).
#define vector __attribute__((vector_size(16)))

typedef long long V __attribute__((vector_size(16)));
typedef double W __attribute__((vector_size(16)));
typedef int I4 __attribute__((vector_size(16)));
typedef float F4 __attribute__((vector_size(16)));

vector float make(float t) {
	return (vector float){0.0f, 1.0f, t, 3.0f};
}

float third(vector float v) {
	return v[2];
}

int sum(vector int v) {
	return v[0] + v[1] + v[2] + v[3];
}

int main(void) {
	V v = {-3, 1LL << 40};
	W w = __builtin_convertvector(v, W);
	if (w[0] != -3.0 || w[1] != 1099511627776.0)
		return 1;
	F4 f = {1.5f, -2.75f, 3e9f, 0.25f};
	I4 i = __builtin_convertvector((F4){1.5f, -2.75f, 7.9f, 0.25f}, I4);
	if (i[0] != 1 || i[1] != -2 || i[2] != 7 || i[3] != 0)
		return 2;
	(void)f;
	vector float m = make(2.5f);
	if (third(m) != 2.5f || sizeof(make(0)) != 16)
		return 3;
	if (sum((vector int){1, 2, 3, 4}) != 10)
		return 4;
	return 0;
}
