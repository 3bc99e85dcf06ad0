/**
 * Adam (Kingma and Ba 2015), as in PyTorch's torch.optim.Adam without weight decay:
 * m <- b1 m + (1 - b1) g, v <- b2 v + (1 - b2) g^2,
 * w <- w - lr m / (1 - b1^t) / (sqrt(v / (1 - b2^t)) + eps).
 * The step's scalars are computed in JavaScript, so one update costs a dozen kernels per weight
 * tensor (tfjs's own Adam costs about three times as many, which dominates small models).
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
  dispose(): void;
}

/**
 * An Adam optimiser over `variables`.
 * @example const opt = adam(Object.values(params), { learningRate: 1e-3, beta1: 0.9, beta2: 0.99, epsilon: 1e-8 });
 */
export function adam(variables: tf.Variable[], options: AdamOptions): Adam {
  const { learningRate, beta1, beta2, epsilon } = options;
  const m = variables.map((v) => tf.variable(tf.zerosLike(v), false));
  const s = variables.map((v) => tf.variable(tf.zerosLike(v), false));
  let t = 0;
  return {
    step(loss: () => tf.Scalar): tf.Scalar {
      t++;
      const stepSize = learningRate / (1 - beta1 ** t);
      const root = 1 / Math.sqrt(1 - beta2 ** t);
      return tf.tidy(() => {
        const { value, grads } = tf.variableGrads(loss, variables);
        variables.forEach((w, i) => {
          const g = grads[w.name];
          m[i].assign(tf.add(tf.mul(m[i], beta1), tf.mul(g, 1 - beta1)));
          s[i].assign(tf.add(tf.mul(s[i], beta2), tf.mul(tf.square(g), 1 - beta2)));
          w.assign(tf.sub(w, tf.mul(tf.div(m[i], tf.add(tf.mul(tf.sqrt(s[i]), root), epsilon)), stepSize)));
        });
        return value;
      });
    },
    dispose(): void {
      tf.dispose([...m, ...s]);
    },
  };
}
