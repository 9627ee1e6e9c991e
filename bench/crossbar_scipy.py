"""SciPy side of bench/crossbar.ts: solve the same N x N crossbar (conductances and row voltages
read from raw float64 files written by the benchmark) with spsolve or CG + line preconditioner,
exactly as ../shared/baselines/crossbar/solve_scipy.py does, and print one JSON line.

usage: python3 crossbar_scipy.py METHOD N G.bin V.bin OUT.bin [--rtol 1e-10]
"""
import json, resource, sys, time
import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def build(g, v):
    n = g.shape[0]; nn = n * n
    ii, jj = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    r_full = ii * n + jj; c_full = nn + jj * n + ii
    fixed = np.full(2 * nn, np.nan)
    fixed[r_full[:, 0]] = v; fixed[c_full[n - 1, :]] = 0.0
    free = np.isnan(fixed)
    fmap = np.full(2 * nn, -1, dtype=np.int64); fmap[free] = np.arange(int(free.sum())); nf = int(free.sum())
    eu = np.concatenate([r_full.ravel(), r_full[:, :-1].ravel(), c_full[:-1, :].ravel()])
    ev = np.concatenate([c_full.ravel(), r_full[:, 1:].ravel(), c_full[1:, :].ravel()])
    eg = np.concatenate([g.ravel(), np.ones(n * (n - 1)), np.ones(n * (n - 1))])
    fu, fv = fmap[eu], fmap[ev]
    both = (fu >= 0) & (fv >= 0); uo = (fu >= 0) & (fv < 0); vo = (fu < 0) & (fv >= 0)
    rows = np.concatenate([fu[both], fv[both], fu[both], fv[both], fu[uo], fv[vo]])
    cols = np.concatenate([fu[both], fv[both], fv[both], fu[both], fu[uo], fv[vo]])
    data = np.concatenate([eg[both], eg[both], -eg[both], -eg[both], eg[uo], eg[vo]])
    a = sp.coo_matrix((data, (rows, cols)), shape=(nf, nf)).tocsr()
    b = np.zeros(nf); np.add.at(b, fu[uo], eg[uo] * fixed[ev[uo]]); np.add.at(b, fv[vo], eg[vo] * fixed[eu[vo]])

    def currents(x):
        full = fixed.copy(); full[free] = x
        return g[n - 1, :] * full[r_full[n - 1, :]] + (full[c_full[n - 2, :]] if n > 1 else 0.0)
    return a, b, currents


def main():
    method, n, gf, vf, of = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
    rtol = float(sys.argv[7]) if len(sys.argv) > 7 and sys.argv[6] == "--rtol" else 1e-10
    g = np.fromfile(gf, dtype="<f8").reshape(n, n); v = np.fromfile(vf, dtype="<f8")
    t0 = time.perf_counter(); a, b, currents = build(g, v); tb = time.perf_counter() - t0
    t0 = time.perf_counter(); iters = [0]
    if method == "spsolve":
        x = spla.spsolve(a.tocsc(), b)
    else:
        from scipy.linalg.lapack import dpttrf, dpttrs
        d, e, info = dpttrf(a.diagonal(), a.diagonal(1))
        m = spla.LinearOperator(a.shape, matvec=lambda r: dpttrs(d, e, r)[0], dtype=float)
        def cb(_x): iters[0] += 1
        x, info = spla.cg(a, b, M=m, rtol=rtol, atol=0.0, maxiter=100000, callback=cb)
    ts = time.perf_counter() - t0
    currents(x).astype("<f8").tofile(of)
    print(json.dumps({"method": method, "n": n, "build_s": tb, "solve_s": ts, "iterations": iters[0] if method != "spsolve" else None,
                      "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0}))


if __name__ == "__main__":
    main()
