// The one way components describe markup: htm's tagged templates over Preact's h(), so the UI needs no JSX build step.
import { h } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);
