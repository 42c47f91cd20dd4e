package org.backprop.server.submission;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every {@link SubmissionAccepted} event once its transaction has committed, as the grading queue would. */
@ApplicationScoped
public class AcceptedSubmissions {
    private final List<SubmissionAccepted> events = new CopyOnWriteArrayList<>();

    void onAccepted(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubmissionAccepted event) {
        events.add(event);
    }

    List<SubmissionAccepted> events() {
        return List.copyOf(events);
    }
}
