export { binomial, binomialUnchecked, binomialAt, binomialSampler, BINOMIAL_MAX_N } from "./binomial.ts";
export { categorical, categoricalSampler } from "./categorical.ts";
export { multinomial, multinomialOnSupport, chooseMultinomialMethod, type MultinomialMethod } from "./multinomial.ts";
