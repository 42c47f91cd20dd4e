// The web app: one router over the screens, the session and the UI language held here and handed down through
// AppContext. Screens fetch their own data through lib/api.js.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Router, Route, lazy, useLocation } from 'preact-iso';
import { html } from './lib/html.js';
import { AppContext, useApp } from './lib/app-context.js';
import { onSignedOut } from './lib/api.js';
import { currentLanguage, setLanguage, startLanguage, t } from './lib/i18n.js';
import { currentSession, setupToken, signOut } from './lib/session.js';
import { Loading, ErrorBox } from './components/states.js';
import { Page } from './components/page.js';
import { SignIn } from './screens/sign-in.js';
import { PasswordSetup } from './screens/password-setup.js';
import { Courses } from './screens/courses.js';
import { CourseHome } from './screens/course-home.js';
import { Teams } from './screens/teams.js';
import { Experiments } from './screens/experiments.js';
import { Submit } from './screens/submit.js';
import { Feedback } from './screens/feedback.js';
import { reviewRoutes } from './review/routes.js';
import { consoleRoutes } from './console/routes.js';

// The editor (CodeMirror) and the report's Markdown renderer are most of the app's code: they load with the first
// screen that needs them, so that signing in and the course pages start quickly.
const Workspace = lazy(() => import('./screens/workspace.js').then((m) => m.Workspace));
const Playground = lazy(() => import('./screens/playground.js').then((m) => m.Playground));
const Report = lazy(() => import('./screens/report.js').then((m) => m.Report));

startLanguage(localStorage, navigator.languages ?? [navigator.language]);

/** Sends a signed-out visitor to sign in, remembering where they were going. */
function SignedIn({ children }) {
  const { session } = useApp();
  const location = useLocation();
  useEffect(() => {
    if (session === null) {
      location.route(`/sign-in?next=${encodeURIComponent(location.url)}`, true);
    }
  }, [session]);
  return session ? children : html`<${Loading} />`;
}

/**
 * Made once per screen, so that a re-render of the app (a new language) keeps each screen's state. It reads the app's
 * context, so that a new language draws the screen again: the router hands down the same element otherwise.
 */
const guard = (Screen) => function Guarded(props) {
  useApp();
  return html`<${SignedIn}><${Screen} ...${props} /><//>`;
};
/** The same for the screens open to everyone (signing in). */
const open = (Screen) => function Open(props) {
  useApp();
  return html`<${Screen} ...${props} />`;
};
const screens = Object.fromEntries(Object.entries({
  Courses, CourseHome, Teams, Playground, Workspace, Experiments, Report, Submit, Feedback,
}).map(([name, screen]) => [name, guard(screen)]));
const openScreens = { SignIn: open(SignIn), PasswordSetup: open(PasswordSetup), NotFound: open(NotFound) };
/** The staff's screens: [{path, component}], every one for signed-in accounts. */
const staffScreens = [...reviewRoutes, ...consoleRoutes].map(({ path, component }) => ({ path, component: guard(component) }));

function Home() {
  const { session } = useApp();
  const location = useLocation();
  useEffect(() => {
    const token = setupToken(location.url.includes('#') ? location.url.slice(location.url.indexOf('#')) : window.location.hash);
    location.route(token ? `/password-setup?token=${token}` : session ? '/courses' : '/sign-in', true);
  }, [session]);
  return html`<${Loading} />`;
}

function NotFound() {
  return html`<${Page} title="404"><${ErrorBox} error=${{ detail: t('error.notFound') }} /><//>`;
}

function App() {
  const [session, setSession] = useState(undefined);
  const [failure, setFailure] = useState(null);
  const [language, setLanguageState] = useState(currentLanguage());
  const refreshSession = () => currentSession().then(setSession, setFailure);
  useEffect(() => {
    refreshSession();
    return onSignedOut(() => setSession(null));
  }, []);
  useEffect(() => {
    if (session !== undefined) {
      document.body.dataset.ready = 'true';
    }
  }, [session]);
  const context = {
    language,
    session,
    setSession,
    refreshSession,
    signOut: async () => {
      await signOut();
      setSession(null);
    },
    setLanguage: (code) => {
      setLanguage(code, localStorage);
      setLanguageState(currentLanguage());
    },
  };
  if (failure) {
    return html`<${ErrorBox} error=${failure} retry=${() => { setFailure(null); refreshSession(); }} />`;
  }
  if (session === undefined) {
    return html`<${Loading} />`;
  }
  // A new language re-renders every screen from here, in place: a screen is never mounted afresh for it, so a program
  // running in the workspace keeps running and its output stays. Text kept in state is kept as i18n keys.
  return html`<${AppContext.Provider} value=${context}>
    <${LocationProvider}>
      <${Router}>
        <${Route} path="/" component=${Home} />
        <${Route} path="/sign-in" component=${openScreens.SignIn} />
        <${Route} path="/password-setup" component=${openScreens.PasswordSetup} />
        <${Route} path="/courses" component=${screens.Courses} />
        <${Route} path="/courses/:courseId" component=${screens.CourseHome} />
        <${Route} path="/team-sets/:setId" component=${screens.Teams} />
        <${Route} path="/playground" component=${screens.Playground} />
        <${Route} path="/assignments/:assignmentId/workspace" component=${screens.Workspace} />
        <${Route} path="/assignments/:assignmentId/experiments" component=${screens.Experiments} />
        <${Route} path="/assignments/:assignmentId/report" component=${screens.Report} />
        <${Route} path="/assignments/:assignmentId/submit" component=${screens.Submit} />
        <${Route} path="/assignments/:assignmentId/feedback" component=${screens.Feedback} />
        ${staffScreens.map(({ path, component }) => html`<${Route} path=${path} component=${component} />`)}
        <${Route} default component=${openScreens.NotFound} />
      <//>
    <//>
  <//>`;
}

render(html`<${App} />`, document.getElementById('app'));
