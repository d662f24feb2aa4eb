def many(x):
    v0 = 0 * x
    v1 = 1 * x
    v2 = 2 * x
    v3 = 3 * x
    v4 = 4 * x
    v5 = 5 * x
    v6 = 6 * x
    v7 = 7 * x
    v8 = 8 * x
    v9 = 9 * x
    v10 = 10 * x
    v11 = 11 * x
    v12 = 12 * x
    v13 = 13 * x
    v14 = 14 * x
    v15 = 15 * x
    v16 = 16 * x
    v17 = 17 * x
    v18 = 18 * x
    v19 = 19 * x
    v20 = 20 * x
    v21 = 21 * x
    v22 = 22 * x
    v23 = 23 * x
    v24 = 24 * x
    v25 = 25 * x
    v26 = 26 * x
    v27 = 27 * x
    v28 = 28 * x
    v29 = 29 * x
    v30 = 30 * x
    v31 = 31 * x
    v32 = 32 * x
    v33 = 33 * x
    v34 = 34 * x
    v35 = 35 * x
    v36 = 36 * x
    v37 = 37 * x
    v38 = 38 * x
    v39 = 39 * x
    v40 = 40 * x
    v41 = 41 * x
    v42 = 42 * x
    v43 = 43 * x
    v44 = 44 * x
    v45 = 45 * x
    v46 = 46 * x
    v47 = 47 * x
    v48 = 48 * x
    v49 = 49 * x
    v50 = 50 * x
    v51 = 51 * x
    v52 = 52 * x
    v53 = 53 * x
    v54 = 54 * x
    v55 = 55 * x
    v56 = 56 * x
    v57 = 57 * x
    v58 = 58 * x
    v59 = 59 * x
    total = v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7 + v8 + v9 + v10 + v11 + v12 + v13 + v14 + v15 + v16 + v17 + v18 + v19 + v20 + v21 + v22 + v23 + v24 + v25 + v26 + v27 + v28 + v29 + v30 + v31 + v32 + v33 + v34 + v35 + v36 + v37 + v38 + v39 + v40 + v41 + v42 + v43 + v44 + v45 + v46 + v47 + v48 + v49 + v50 + v51 + v52 + v53 + v54 + v55 + v56 + v57 + v58 + v59
    return total, v0, v15, v16, v59


print(many(1))
print(many(3))


def closure_many():
    c0 = 0
    c1 = 1
    c2 = 2
    c3 = 3
    c4 = 4
    c5 = 5
    c6 = 6
    c7 = 7
    c8 = 8
    c9 = 9
    c10 = 10
    c11 = 11
    c12 = 12
    c13 = 13
    c14 = 14
    c15 = 15
    c16 = 16
    c17 = 17
    c18 = 18
    c19 = 19

    def inner():
        return c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11 + c12 + c13 + c14 + c15 + c16 + c17 + c18 + c19

    return inner()


print(closure_many())
