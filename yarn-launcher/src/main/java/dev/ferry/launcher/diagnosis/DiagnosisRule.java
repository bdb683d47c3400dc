package dev.ferry.launcher.diagnosis;

import java.util.List;

/** One kind of trouble {@code ferry diagnose} looks for. */
interface DiagnosisRule {

    List<Finding> findings(JobEvidence evidence);
}
