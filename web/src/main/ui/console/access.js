// What the console offers to whom. The server decides (CourseAccess: requireStaff / requireInstructor); this mirrors
// its rules so that the console never shows a control the API would refuse. A student, or a stranger, gets nothing.

/** 'INSTRUCTOR', 'TA', or null: the console role of the signed-in account in a course (an administrator counts as instructor). */
export function consoleRole(course, account) {
  if (course?.myRole === 'INSTRUCTOR' || (course && course.myRole == null && account?.admin)) {
    return 'INSTRUCTOR';
  }
  return course?.myRole === 'TA' ? 'TA' : null;
}

/**
 * The actions a console role may take, each named after the endpoint that allows it. Team placements (move, fill,
 * balance applied) are also refused by the server while students can still pick teams: see {@link placementsAllowed}.
 */
export function abilities(role) {
  const instructor = role === 'INSTRUCTOR';
  const staff = instructor || role === 'TA';
  return {
    editCourse: instructor, // PUT /api/courses/{id}
    seeJoinCode: staff, // GET .../join-code
    rotateJoinCode: instructor, // POST .../join-code
    importRoster: instructor, // POST .../roster
    passwordLinks: instructor, // POST .../password-links
    seeMembers: staff, // GET .../members
    importAssignments: instructor, // POST .../assignments/import(/{id}), GET .../assignments/folders
    editDeadline: instructor, // PUT /api/assignments/{id}/deadline
    extensions: staff, // GET, POST /api/assignments/{id}/extensions
    editTeamSet: instructor, // PUT /api/team-sets/{id}
    seeUnassigned: staff, // GET .../unassigned
    placeStudents: instructor, // PUT .../placements/{accountId}, POST .../fill, POST .../balance
    previewBalance: instructor, // GET .../balance
    seeAudit: staff, // GET .../audit
    importDatasets: staff, // POST /api/courses/{id}/datasets
    publishPretrained: staff, // POST /api/courses/{id}/pretrained
    seeGrading: staff, // GET .../grading/queue, .../grading/jobs, .../gradebook(.csv), gradescope.json
    regrade: staff, // POST /api/grading/submissions/{id}/regrade
  };
}

/** Whether the instructor may place students now: the server refuses while selection is open. */
export function placementsAllowed(set) {
  return !set.selectionOpen;
}
