/**
 * Learning one patient: a trained run made a recording's own.
 *
 * <p>Where the labels come from ({@link ecgbeats.adapt.LabelSource}: the first minutes, a file a
 * person wrote, or the beats {@link ecgbeats.adapt.BeatQuestions} chose to ask about) becomes
 * {@link ecgbeats.adapt.PatientLabels}, rows of the recording's beats. {@link
 * ecgbeats.adapt.PatientAdapter} fine-tunes the run on them with the run's own training beats
 * replayed beside them and {@link ecgbeats.adapt.RhythmCopies} of the patient's N beats;
 * {@link ecgbeats.adapt.UnsupervisedAdaptation} does without labels (transductive). {@link
 * ecgbeats.adapt.AdaptJob} adapts one recording into a run folder ({@link ecgbeats.adapt.AdaptedRun});
 * {@link ecgbeats.adapt.AdaptProtocol} names how many recordings are adapted and judged, and {@link
 * ecgbeats.adapt.AdaptiveEvaluation} runs it, the unadapted run judged on the same beats beside
 * it. After a labelled adaptation the patient's labels decide two rules on its calls ({@link
 * ecgbeats.adapt.PatientRules}: the S floor's and the early rule's decisions, recorded in the adapted
 * run). Settings are {@link ecgbeats.adapt.AdaptSettings}, chosen over DS1's records (docs/results.md).
 */
package ecgbeats.adapt;
