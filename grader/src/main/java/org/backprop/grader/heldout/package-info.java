/**
 * Held-out evaluation: the final model the server's run saved ({@code model.save(name)}), rebuilt from its
 * self-describing file by the library alone (no student class is loaded: a model with a layer of the student's
 * own cannot be saved), scored on a dataset's hidden split, whose labels no student code ever sees.
 */
package org.backprop.grader.heldout;
