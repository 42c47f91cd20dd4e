// An assignment's workspace: the team's files (seeded with the starter), compile, run with live charts; each fit
// that ends lands in the team's experiment log.
import { useMemo } from 'preact/hooks';
import { html } from '../lib/html.js';
import { assignmentCrumbs, loadAssignment } from '../lib/assignment.js';
import { courseRunContext } from '../lib/run-context.js';
import { Page } from '../components/page.js';
import { AssignmentTabs } from '../components/layout.js';
import { Async, useApi } from '../components/states.js';
import { WorkspaceEditor } from '../workspace/workspace-editor.js';
import { teamFiles } from '../workspace/file-sources.js';
import { useNnAssist } from '../workspace/nn-assist-extension.js';

export function Workspace({ params }) {
  const state = useApi(() => loadAssignment(params.assignmentId), [params.assignmentId]);
  const source = useMemo(() => teamFiles(params.assignmentId), [params.assignmentId]);
  const assist = useNnAssist();
  return html`<${Page} title=${state.data?.assignment.title ?? ''} crumbs=${state.data ? assignmentCrumbs(state.data) : []} wide>
    <${AssignmentTabs} assignmentId=${params.assignmentId} current="workspace" />
    <${Async} state=${state}>${(loaded) => html`
      <${WorkspaceEditor} source=${source} mainClass=${loaded.assignment.mainClass}
        runContext=${() => courseRunContext(loaded.course)} logAssignmentId=${params.assignmentId}
        extensions=${assist} />
    `}<//>
  <//>`;
}
