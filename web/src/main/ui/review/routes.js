// The TA's review desk: its screens and their addresses (mounted by app.js; the server's AppRoutes knows "review").
// The submission and similarity screens draw reports and code: they load as chunks of their own, with the first visit.
import { lazy } from 'preact-iso';
import { CourseQueue, ReviewHome } from './queue.js';
import { RegradeInbox } from './regrades.js';

const SubmissionReview = lazy(() => import('./submission.js').then((m) => m.SubmissionReview));
const SimilarityScreen = lazy(() => import('./similarity.js').then((m) => m.SimilarityScreen));

export const reviewRoutes = [
  { path: '/review', component: ReviewHome },
  { path: '/review/courses/:courseId', component: CourseQueue },
  { path: '/review/courses/:courseId/regrades', component: RegradeInbox },
  { path: '/review/submissions/:submissionId', component: SubmissionReview },
  { path: '/review/assignments/:assignmentId/similarity', component: SimilarityScreen },
];
