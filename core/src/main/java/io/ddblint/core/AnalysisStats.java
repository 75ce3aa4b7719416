package io.ddblint.core;

/**
 * Counters of one run, printed in reports so users can see what was (and was not) analysed.
 *
 * @param filesDiscovered     .java files found under the source roots
 * @param filesParsed         files the prefilter let through and the parser read
 * @param callSites           DynamoDB call sites found
 * @param unresolvedReceivers candidate calls (a DynamoDB method name) whose receiver type could not be resolved;
 *                            no rule looks at them, so precision never depends on luck
 * @param durationMillis      wall time of the analysis
 */
public record AnalysisStats(int filesDiscovered, int filesParsed, int callSites, int unresolvedReceivers,
                            long durationMillis) {
}
