// What the page knows of a program's fits while it runs, built from the worker's {type: 'fit'} events (docs/runs.md):
// per fit its epochs so far (the history the charts draw), the batch losses of the current epoch, and enough timing
// for an ETA; and the evaluate or predict running now, if any, with its batches so far. A pure reducer, so the
// charts' data can be tested without a browser.

export const NO_FITS = { fits: [], inference: null };

/**
 * Applies one event at time {@code now} (ms): a fit's ({event: 'start' | 'batch' | 'epoch', run, ...}) or an
 * evaluate's or predict's ({event: 'infer-start' | 'infer-batch' | 'infer-end', model, kind, ...}).
 */
export function applyFitEvent(state, event, now) {
  if (event.event === 'infer-start') {
    return { ...state, inference: { model: event.model, kind: event.kind, step: 0, steps: event.steps } };
  }
  if (event.event === 'infer-batch') {
    return state.inference ? { ...state, inference: { ...state.inference, step: event.step } } : state;
  }
  if (event.event === 'infer-end') {
    return { ...state, inference: null };
  }
  const fits = state.fits.slice();
  if (event.event === 'start') {
    fits.push({
      run: event.run, epochs: event.epochs, steps: event.steps ?? null, startedAt: now, epochStartedAt: now,
      epoch: 0, history: {}, batch: { epoch: 1, steps: [], losses: [] }, step: 0, done: false,
    });
    return { ...state, fits };
  }
  const index = fits.length - 1;
  if (index < 0) {
    return state;
  }
  const fit = { ...fits[index] };
  if (event.event === 'batch') {
    const batch = fit.batch.epoch === event.epoch ? fit.batch : { epoch: event.epoch, steps: [], losses: [] };
    fit.batch = { epoch: event.epoch, steps: [...batch.steps, event.step], losses: [...batch.losses, event.loss] };
    fit.step = event.step;
    fit.steps = event.steps ?? fit.steps;
  } else if (event.event === 'epoch') {
    const history = { ...fit.history };
    for (const [name, value] of Object.entries(event.logs ?? {})) {
      history[name] = [...(history[name] ?? []), value];
    }
    fit.history = history;
    fit.epoch = event.epoch;
    fit.epochs = event.epochs ?? fit.epochs;
    fit.epochStartedAt = now;
    fit.step = 0;
    fit.done = fit.epoch >= fit.epochs;
  }
  fits[index] = fit;
  return { ...state, fits };
}

/** The fit's share done (0…1): whole epochs plus the current epoch's steps. */
export function fractionDone(fit) {
  if (!fit || !fit.epochs) {
    return 0;
  }
  const within = fit.steps ? Math.min(fit.step / fit.steps, 1) : 0;
  return Math.min((fit.epoch + (fit.done ? 0 : within)) / fit.epochs, 1);
}

/** Milliseconds left in the fit at the pace so far, or null before there is a pace to go by. */
export function etaMs(fit, now) {
  const done = fractionDone(fit);
  if (!fit || done <= 0 || done >= 1) {
    return null;
  }
  const elapsed = now - fit.startedAt;
  return (elapsed / done) * (1 - done);
}
