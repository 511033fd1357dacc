module gocc

go 1.26.8
