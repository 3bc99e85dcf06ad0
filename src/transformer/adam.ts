/**
 * Adam (Kingma and Ba 2015), as in PyTorch's torch.optim.Adam without weight decay:
 * m <- b1 m + (1 - b1) g, v <- b2 v + (1 - b2) g^2,
 * w <- w - lr m / (1 - b1^t) / (sqrt(v / (1 - b2^t)) + eps).
 * The step's scalars are computed in JavaScript, and the update runs once on all weights
 * flattened into one vector (the moments are kept flat), so a step costs about a dozen kernels
 * in all instead of a dozen per weight tensor (tfjs's own Adam costs three times as many per
 * tensor, which dominates small models). Elementwise, the arithmetic is the same either way.
 */
import * as tf from "@tensorflow/tfjs";

export interface AdamOptions {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export interface Adam {
  /** One step on the gradient of `loss` with respect to `variables`; returns the loss (caller disposes). */
  step(loss: () => tf.Scalar): tf.Scalar;
  /**
   * One step on gradients computed by `f` (one per variable, in the order of `variables`, e.g.
   * from a hand-written backward pass); returns `f`'s value (caller disposes).
   */
  stepWithGradients(f: () => { value: tf.Scalar; grads: tf.Tensor[] }): tf.Scalar;
  dispose(): void;
}

/**
 * An Adam optimiser over `variables`.
 * @example const opt = adam(Object.values(params), { learningRate: 1e-3, beta1: 0.9, beta2: 0.99, epsilon: 1e-8 });
 */
export function adam(variables: tf.Variable[], options: AdamOptions): Adam {
  const { learningRate, beta1, beta2, epsilon } = options;
  const sizes = variables.map((v) => v.size);
  const total = sizes.reduce((a, b) => a + b, 0);
  const m = tf.variable(tf.zeros([total]), false);
  const s = tf.variable(tf.zeros([total]), false);
  const flat = (xs: tf.Tensor[]) => (xs.length === 1 ? tf.reshape(xs[0], [-1]) : tf.concat(xs.map((x) => tf.reshape(x, [-1]))));
  let t = 0;
  const update = (grads: tf.Tensor[]) => {
    t++;
    const stepSize = learningRate / (1 - beta1 ** t);
    const root = 1 / Math.sqrt(1 - beta2 ** t);
    const g = flat(grads);
    m.assign(tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1)));
    s.assign(tf.add(tf.mul(s, beta2), tf.mul(tf.square(g), 1 - beta2)));
    const w = tf.sub(flat(variables), tf.mul(tf.div(m, tf.add(tf.mul(tf.sqrt(s), root), epsilon)), stepSize));
    const parts = variables.length === 1 ? [w] : tf.split(w, sizes);
    variables.forEach((v, i) => v.assign(tf.reshape(parts[i], v.shape)));
  };
  return {
    step(loss: () => tf.Scalar): tf.Scalar {
      return tf.tidy(() => {
        const { value, grads } = tf.variableGrads(loss, variables);
        update(variables.map((v) => grads[v.name]));
        return value;
      });
    },
    stepWithGradients(f: () => { value: tf.Scalar; grads: tf.Tensor[] }): tf.Scalar {
      return tf.tidy(() => {
        const { value, grads } = f();
        if (grads.length !== variables.length) throw new RangeError(`grads must hold ${variables.length} tensors, got ${grads.length}`);
        update(grads);
        return value;
      });
    },
    dispose(): void {
      tf.dispose([m, s]);
    },
  };
}
