using Baocao.Index;

namespace Baocao.Ingest;

/// <summary>What an ingest does with one file.</summary>
public enum IngestAction
{
    /// <summary>Extract it: new, changed, stored by another extractor version, or failed before under other conditions.</summary>
    Extract,

    /// <summary>Skip it: stored with the same content hash by the same extractor version.</summary>
    Unchanged,

    /// <summary>Skip it: it failed with the same content and the same extractor version; its failure stands.</summary>
    FailedBefore,

    /// <summary>
    /// Do not extract it: the index holds a file with the same content from the same extractor version (the file was moved
    /// or renamed, or is a copy), so that record is stored under this path; the old path's entry goes when its file is gone.
    /// </summary>
    Repoint,
}

/// <summary>The skip rule of a resumable ingest, pure: a file is extracted again only when its content or the extractor changed.</summary>
public static class IngestDecision
{
    public static IngestAction Decide(string sha256, string extractorVersion, StoredSource? stored, FailedSource? failed)
    {
        if (stored is not null && stored.Sha256 == sha256 && stored.Extractor == extractorVersion) return IngestAction.Unchanged;
        if (failed is not null && failed.Sha256 == sha256 && failed.Extractor == extractorVersion) return IngestAction.FailedBefore;
        return IngestAction.Extract;
    }

    /// <summary>
    /// As <see cref="Decide(string, string, StoredSource?, FailedSource?)"/>, and a file to extract whose content the index
    /// already holds from this extractor version (<paramref name="sameContent"/>, another path) is re-pointed instead.
    /// </summary>
    public static IngestAction Decide(string sha256, string extractorVersion, StoredSource? stored, FailedSource? failed, StoredSource? sameContent)
    {
        var action = Decide(sha256, extractorVersion, stored, failed);
        return action == IngestAction.Extract && sameContent is not null && sameContent.Sha256 == sha256 && sameContent.Extractor == extractorVersion
               && sameContent.Path != stored?.Path
            ? IngestAction.Repoint : action;
    }
}
