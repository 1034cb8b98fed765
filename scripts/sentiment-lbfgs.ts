// Limited-memory BFGS for the sentiment trainer (scripts/sentiment-training.ts): deterministic,
// no learning rate to tune.

/** Limited-memory BFGS with a backtracking (Armijo) line search; starts from zero. */
export function lbfgs(objective: (x: Float64Array, gradient: Float64Array) => number, dimension: number, iterations: number, memory = 10): Float64Array {
  let x = new Float64Array(dimension);
  let gradient = new Float64Array(dimension);
  let loss = objective(x, gradient);
  const steps: Float64Array[] = [];
  const changes: Float64Array[] = [];
  const rhos: number[] = [];
  const alphas = new Float64Array(memory);
  const direction = new Float64Array(dimension);
  const nextX = new Float64Array(dimension);
  const nextGradient = new Float64Array(dimension);
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    // Two-loop recursion: direction = -H·gradient.
    for (let index = 0; index < dimension; index += 1) direction[index] = -(gradient[index] as number);
    for (let slot = steps.length - 1; slot >= 0; slot -= 1) {
      const alpha = (rhos[slot] as number) * dot(steps[slot] as Float64Array, direction);
      alphas[slot] = alpha;
      axpy(-alpha, changes[slot] as Float64Array, direction);
    }
    if (steps.length > 0) {
      const last = steps.length - 1;
      const change = changes[last] as Float64Array;
      const scale = dot(steps[last] as Float64Array, change) / dot(change, change);
      for (let index = 0; index < dimension; index += 1) direction[index] = (direction[index] as number) * scale;
    } else {
      const norm = Math.sqrt(dot(gradient, gradient));
      if (norm > 0) for (let index = 0; index < dimension; index += 1) direction[index] = (direction[index] as number) / norm;
    }
    for (let slot = 0; slot < steps.length; slot += 1) {
      const beta = (rhos[slot] as number) * dot(changes[slot] as Float64Array, direction);
      axpy((alphas[slot] as number) - beta, steps[slot] as Float64Array, direction);
    }
    let slope = dot(direction, gradient);
    if (slope >= 0) {
      // Not a descent direction: restart from steepest descent.
      steps.length = 0;
      changes.length = 0;
      rhos.length = 0;
      for (let index = 0; index < dimension; index += 1) direction[index] = -(gradient[index] as number);
      slope = dot(direction, gradient);
    }
    let step = 1;
    let nextLoss = Infinity;
    for (let tries = 0; tries < 30; tries += 1) {
      for (let index = 0; index < dimension; index += 1) nextX[index] = (x[index] as number) + step * (direction[index] as number);
      nextLoss = objective(nextX, nextGradient);
      if (nextLoss <= loss + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(nextLoss < loss)) break;
    const s = new Float64Array(dimension);
    const y = new Float64Array(dimension);
    for (let index = 0; index < dimension; index += 1) {
      s[index] = (nextX[index] as number) - (x[index] as number);
      y[index] = (nextGradient[index] as number) - (gradient[index] as number);
    }
    const curvature = dot(s, y);
    if (curvature > 1e-12) {
      if (steps.length === memory) {
        steps.shift();
        changes.shift();
        rhos.shift();
      }
      steps.push(s);
      changes.push(y);
      rhos.push(1 / curvature);
    }
    const improvement = loss - nextLoss;
    x = Float64Array.from(nextX);
    gradient = Float64Array.from(nextGradient);
    loss = nextLoss;
    if (improvement < 1e-9 * Math.max(1, Math.abs(loss))) break;
  }
  return x;
}

function dot(left: Float64Array, right: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < left.length; index += 1) sum += (left[index] as number) * (right[index] as number);
  return sum;
}

function axpy(alpha: number, x: Float64Array, y: Float64Array): void {
  for (let index = 0; index < x.length; index += 1) y[index] = (y[index] as number) + alpha * (x[index] as number);
}
