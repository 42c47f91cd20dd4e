import { test } from 'node:test';
import assert from 'node:assert/strict';
import { embedsOf, runNamed, withPlaceholders } from '../../main/ui/components/report-view.js';
import { curveCharts, metricGroups } from '../../main/ui/components/run-views.js';

test('a report names its embeds, which become inert placeholders before the Markdown is rendered', () => {
  const markdown = 'Intro {{run:fashion_mnist/baseline}} and {{ ablation }}\n\n{{confusion:no-residual}} {{run:<img src=x>}}';
  assert.deepEqual(embedsOf(markdown), [{ kind: 'run', name: 'fashion_mnist/baseline' }, { kind: 'ablation', name: null },
    { kind: 'confusion', name: 'no-residual' }]);
  const placed = withPlaceholders(markdown);
  assert.ok(placed.includes('<div data-embed="run" data-name="fashion_mnist/baseline"></div>'));
  assert.ok(placed.includes('<div data-embed="ablation"></div>'));
  assert.ok(placed.includes('{{run:<img src=x>}}'), 'a name with markup is no embed and stays text for the sanitiser');
});

test('an embed draws the newest run of its name, each metric with its validation twin', () => {
  const runs = [{ id: 9, name: 'baseline' }, { id: 3, name: 'baseline' }];
  assert.equal(runNamed(runs, 'baseline').id, 9);
  assert.deepEqual(metricGroups({ val_accuracy: [1], accuracy: [1], loss: [2], val_loss: [2] }),
    [['loss', 'val_loss'], ['accuracy', 'val_accuracy']]);
  const charts = curveCharts([{ name: 'a', record: { history: { loss: [3, 2, 1] } } }, { name: 'b', record: { history: { loss: [4, 3] } } }]);
  assert.equal(charts.length, 1);
  assert.deepEqual(charts[0].x, [1, 2, 3]);
  assert.deepEqual(charts[0].series.map((s) => [s.label, s.values]), [['a loss', [3, 2, 1]], ['b loss', [4, 3, null]]]);
});
