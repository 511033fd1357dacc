// flags: -fshort-enums
// -fshort-enums: each enum is the smallest integer type that holds its values.
enum small { A, B = 200 };
enum neg { C = -1, D = 100 };
enum big { E = 70000 };
struct s { char c; enum small e; };
int main(void) {
	return sizeof(enum small) != 1 || sizeof(enum neg) != 1 || sizeof(enum big) != 4 || sizeof(struct s) != 2 || (enum small)200 != B;
}
