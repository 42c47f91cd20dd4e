// The instructor's console: its screens and their addresses (mounted by app.js; the server's AppRoutes knows
// "console"). Every screen checks the account's role in the course itself (console-page.js).
import { CourseTab } from './course-tab.js';
import { AssignmentsTab } from './assignments-tab.js';
import { TeamsTab } from './teams-tab.js';
import { DatasetsTab } from './datasets-tab.js';
import { GradingTab } from './grading-tab.js';

export const consoleRoutes = [
  { path: '/console/courses/:courseId', component: CourseTab },
  { path: '/console/courses/:courseId/assignments', component: AssignmentsTab },
  { path: '/console/courses/:courseId/teams', component: TeamsTab },
  { path: '/console/courses/:courseId/datasets', component: DatasetsTab },
  { path: '/console/courses/:courseId/grading', component: GradingTab },
];
