package org.backprop.server.course;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/** A course offering, e.g. Deep Learning in one term; deadlines are shown in its time zone. */
@Entity
@Table(name = "course")
public class Course extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String code;

    @Column(nullable = false)
    public String title;

    /** An IANA zone id such as {@code Asia/Seoul}. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    /** The code students enrol with; staff rotate it when it reaches people it should not. */
    @Column(name = "join_code", nullable = false, unique = true)
    public String joinCode;

    public static Optional<Course> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
