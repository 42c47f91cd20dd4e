package org.backprop.server.grading;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import org.backprop.grader.check.CheckOutcome;
import org.backprop.grader.result.Visibility;

/** One rubric item of a result: its verdict, points ({@code null} while a TA must decide), message, visibility. */
@Embeddable
public class GradingResultItem {
    @Column(name = "item_key", nullable = false)
    public String itemKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CheckOutcome.Verdict verdict;

    public BigDecimal points;

    @Column(name = "max_points", nullable = false)
    public BigDecimal maxPoints;

    @Column(nullable = false)
    public String message;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility;
}
