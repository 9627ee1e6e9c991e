# Copy of ../shared/baselines/snn/stdp_brian.py (the project's Brian2 baseline, unchanged below this
# header) so that `npm run bench` (bench/network.ts) runs it side by side with nanoionics.
"""Small STDP network in Brian2 with the numpy code-generation target.

784 Poisson inputs (rates 0-40 Hz, fixed seed) all-to-all onto 100
conductance-based LIF neurons through 78,400 plastic synapses with pair-based
STDP (exponential traces). Simulates 1 s at dt = 0.1 ms and prints one JSON
line: setup time, run() time, spike counts, mean weight before/after.

usage: stdp_brian.py [--duration-s 1.0] [--target numpy]
"""
import argparse
import json
import resource
import time

T_IMPORT = time.perf_counter()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--duration-s", type=float, default=1.0)
    ap.add_argument("--target", default="numpy")
    ap.add_argument("--n-in", type=int, default=784)
    ap.add_argument("--n-out", type=int, default=100)
    args = ap.parse_args()

    import numpy as np
    import brian2 as b2
    from brian2 import Hz, ms, mV, second
    import_s = time.perf_counter() - T_IMPORT

    b2.prefs.codegen.target = args.target
    b2.defaultclock.dt = 0.1 * ms
    b2.seed(7)
    rng = np.random.default_rng(7)

    t0 = time.perf_counter()
    rates = rng.uniform(0.0, 40.0, args.n_in) * Hz
    inputs = b2.PoissonGroup(args.n_in, rates=rates)

    tau_m, tau_e = 20 * ms, 5 * ms
    v_rest, v_reset, v_th, e_exc = -70 * mV, -65 * mV, -54 * mV, 0 * mV
    neurons = b2.NeuronGroup(
        args.n_out,
        """dv/dt = (v_rest - v + ge * (e_exc - v)) / tau_m : volt (unless refractory)
           dge/dt = -ge / tau_e : 1""",
        threshold="v > v_th", reset="v = v_reset", refractory=5 * ms, method="euler",
        namespace={"tau_m": tau_m, "tau_e": tau_e, "v_rest": v_rest, "v_reset": v_reset,
                   "v_th": v_th, "e_exc": e_exc})
    neurons.v = v_rest

    w_max, tau_pre, tau_post = 0.01, 20 * ms, 20 * ms
    a_pre = 0.01 * w_max
    a_post = -1.05 * a_pre
    syn = b2.Synapses(
        inputs, neurons,
        """w : 1
           dapre/dt = -apre / tau_pre : 1 (event-driven)
           dapost/dt = -apost / tau_post : 1 (event-driven)""",
        on_pre="""ge_post += w
                  apre += a_pre
                  w = clip(w + apost, 0, w_max)""",
        on_post="""apost += a_post
                   w = clip(w + apre, 0, w_max)""",
        namespace={"tau_pre": tau_pre, "tau_post": tau_post, "a_pre": a_pre,
                   "a_post": a_post, "w_max": w_max})
    syn.connect()
    syn.w = "rand() * w_max"
    in_mon = b2.SpikeMonitor(inputs, record=False)
    out_mon = b2.SpikeMonitor(neurons, record=False)
    net = b2.Network(inputs, neurons, syn, in_mon, out_mon)
    w_before = float(np.mean(syn.w[:]))
    setup_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    net.run(args.duration_s * second)
    run_s = time.perf_counter() - t0

    print(json.dumps({
        "target": args.target, "brian2": b2.__version__, "numpy": np.__version__,
        "n_in": args.n_in, "n_out": args.n_out, "synapses": int(len(syn)),
        "duration_s": args.duration_s, "dt_ms": float(b2.defaultclock.dt / ms),
        "import_s": import_s, "setup_s": setup_s, "run_s": run_s,
        "input_spikes": int(in_mon.num_spikes), "output_spikes": int(out_mon.num_spikes),
        "w_mean_before": w_before, "w_mean_after": float(np.mean(syn.w[:])),
        "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
    }))


if __name__ == "__main__":
    main()
