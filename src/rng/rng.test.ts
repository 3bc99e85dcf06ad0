import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createRng, rngFromState, seedState } from "./rng.ts";
import { deriveSeed, eachRngStream, rngStream, rngStreams } from "./streams.ts";
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";

function streamHash(draw: () => number, count: number): string {
  const buf = new Float64Array(count);
  for (let i = 0; i < count; i++) buf[i] = draw();
  return createHash("sha256").update(new Uint8Array(buf.buffer)).digest("hex").slice(0, 16);
}

/** s0 + s1 mod 2^64 of a state [s01, s00, s11, s10] (high word first), by BigInt. */
function output64(state: readonly number[]): bigint {
  const word = (w: number) => BigInt(w >>> 0);
  const s0 = (word(state[0]) << 32n) | word(state[1]);
  const s1 = (word(state[2]) << 32n) | word(state[3]);
  return (s0 + s1) & 0xffff_ffff_ffff_ffffn;
}

describe("createRng", () => {
  it("steps through the same states as pure-rand's xoroshiro128plus", () => {
    for (const seed of [0, 42, -7, 2 ** 32 - 1]) {
      const ours = createRng(seed);
      const ref = xoroshiro128plusFromState(seedState(seed));
      expect(ours.state()).toEqual(ref.getState());
      for (let k = 1; k <= 1000; k++) {
        if (k % 2) ours.uniform();
        else ours.uint32();
        ref.next();
        expect(ours.state()).toEqual(ref.getState());
      }
    }
  });

  it("returns the top 53 bits (uniform) and the top 32 bits (uint32) of the 64-bit output s0 + s1", () => {
    const ref = xoroshiro128plusFromState(seedState(5));
    const ours = createRng(5);
    let carries = 0;
    for (let i = 0; i < 2000; i++) {
      const state = ref.getState();
      const out = output64(state);
      if ((state[1] >>> 0) + (state[3] >>> 0) >= 2 ** 32) carries++;
      if (i % 2) expect(ours.uint32()).toBe(Number(out >> 32n));
      else expect(ours.uniform()).toBe(Number(out >> 11n) * 2 ** -53);
      ref.next();
    }
    // The carry from the low word into the high word is exercised (about half of the steps).
    expect(carries).toBeGreaterThan(800);
  });

  it("jumps to the same state as pure-rand's jump", () => {
    for (const seed of [1, 123456]) {
      const ours = createRng(seed);
      const ref = xoroshiro128plusFromState(seedState(seed));
      for (let j = 0; j < 3; j++) {
        ours.jump();
        ref.jump();
        expect(ours.state()).toEqual(ref.getState());
        ours.uniform();
        ref.next();
      }
    }
  });

  it("pins the stream of fixed seeds (a change to the random stream must be a reviewed diff)", () => {
    const r1 = createRng(1);
    const r2 = createRng(2024);
    expect(streamHash(() => r1.uniform(), 10_000)).toMatchInlineSnapshot(`"883a8d092edb6466"`);
    expect(streamHash(() => r2.uniform(), 10_000)).toMatchInlineSnapshot(`"1963fde2548aae79"`);
  });

  it("draws in [0, 1) with 53-bit resolution and a uniform mean", () => {
    const r = createRng(7);
    let sum = 0;
    let bad = 0;
    let odd = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = r.uniform();
      if (!(u >= 0 && u < 1) || !Number.isInteger(u * 2 ** 53)) bad++;
      if ((u * 2 ** 53) % 2 === 1) odd++;
      sum += u;
    }
    expect(bad).toBe(0);
    // Var of the mean = 1/(12 * 1e5); 6 standard deviations ~ 5.5e-3 (false alarm ~ 2e-9).
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(5.5e-3);
    // The 53rd bit is random: odd multiples of 2^-53 ~ Bin(1e5, 1/2), sd 158; 6 sd = 949.
    expect(Math.abs(odd - 50_000)).toBeLessThan(949);
  });

  it("starts well from small seeds: the first draws of seeds 0..1999 are uniform", () => {
    // With pure-rand's plain xoroshiro128plus(seed) the first draw of every small seed is ~1.
    // Mean of 2000 first draws: sd = sqrt(1/12/2000) = 0.0065; 6 sd = 0.039 (false alarm ~2e-9).
    for (const draw of [0, 1]) {
      let sum = 0;
      for (let seed = 0; seed < 2000; seed++) {
        const r = createRng(seed);
        for (let i = 0; i < draw; i++) r.uniform();
        sum += r.uniform();
      }
      expect(Math.abs(sum / 2000 - 0.5)).toBeLessThan(0.039);
    }
  });

  it("replays from its state and clones independently", () => {
    const r = createRng(3);
    r.uniform();
    const copy = rngFromState(r.state());
    const c = r.clone();
    const a = [r.uniform(), r.uniform()];
    expect([copy.uniform(), copy.uniform()]).toEqual(a);
    expect([c.uniform(), c.uniform()]).toEqual(a);
  });

  it("rejects states that are not four 32-bit words, or all zero", () => {
    expect(() => rngFromState([1, 2, 3])).toThrow(/^state/);
    expect(() => rngFromState([1, 2, 3, 0.5])).toThrow(/^state/);
    expect(() => rngFromState([0, 0, 0, 0])).toThrow(/^state/);
    expect(rngFromState([0, 0, 1, 0]).uniform()).toBe(2 ** -32);
  });

  it("rejects seeds that are not 32-bit integers", () => {
    expect(() => createRng(1.5)).toThrow(TypeError);
    expect(() => createRng(Number.NaN)).toThrow(/seed/);
    expect(() => createRng(2 ** 40)).toThrow(RangeError);
  });
});

describe("streams", () => {
  it("stream r does not depend on how many streams were made", () => {
    const all = rngStreams(9, 5);
    const third = rngStream(9, 3);
    const fromThree = rngStreams(9, 2, 3);
    const x = all[3].uniform();
    expect(third.uniform()).toBe(x);
    expect(fromThree[0].uniform()).toBe(x);
  });

  it("eachRngStream yields the states of rngStreams, one at a time, checking its arguments when called", () => {
    const eager = rngStreams(9, 6, 2).map((r) => r.state());
    const lazy = Array.from(eachRngStream(9, 6, 2), (r) => r.state());
    expect(lazy).toEqual(eager);
    expect(() => eachRngStream(9, -1)).toThrow(/^count/);
    expect(() => eachRngStream(9, 1, 0.5)).toThrow(/^first/);
    expect(() => eachRngStream(1.5, 1)).toThrow(/^seed/);
  });

  it("eachRngStream of a billion streams gives its first at once (nothing is made ahead)", () => {
    const started = Date.now();
    const streams = eachRngStream(9, 1e9);
    const first = streams.next().value;
    expect(first?.state()).toEqual(rngStream(9, 0).state());
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("gives distinct streams", () => {
    const [a, b] = rngStreams(1, 2);
    expect(a.uniform()).not.toBe(b.uniform());
  });

  it("derives stable, label-dependent seeds", () => {
    expect(deriveSeed(1, "a")).toBe(deriveSeed(1, "a"));
    expect(deriveSeed(1, "a")).not.toBe(deriveSeed(1, "b"));
    expect(deriveSeed(1, "a")).not.toBe(deriveSeed(2, "a"));
    expect(deriveSeed(1, "thm1")).toMatchInlineSnapshot(`3959112678`);
  });
});
