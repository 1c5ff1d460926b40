package nl.samenspel.governance.job;

/**
 * Does the work of one kind of job. {@link #run} must be idempotent: a job can run again after a
 * replica died mid-way. It calls {@link JobQueue#done} inside the transaction that keeps its result;
 * throwing means the attempt failed and is retried later.
 */
public interface JobHandler {

    String kind();

    void run(JobQueue.Claimed job);
}
