/**
 * The anchor of the audit chain: how many entries it holds and the hash of the
 * last one. The store keeps one up to date with every append; a copy published
 * outside the database lets anyone detect a log (and head) rolled back later.
 */
export interface AuditHead {
  count: number;
  lastHash: string;
  /** Time of the last entry (null while the log is empty). */
  at: string | null;
}

/** What the chain itself holds, as read back from the log. */
export interface AuditChainEnd {
  /** Entries in the log. */
  count: number;
  /** Highest sequence number and its hash (absent when the log is empty). */
  last?: { seq: number; hash: string };
  /** Hash of the entry at the published head's position, when one was given and that entry exists. */
  hashAtPublished?: string;
}

/** One way the log disagrees with its head or with a published head. */
export interface AuditAnchorProblem {
  reason:
    | 'head-missing'
    | 'head-count-mismatch'
    | 'head-hash-mismatch'
    | 'behind-published-head'
    | 'published-hash-mismatch';
  message: string;
}

/**
 * Compares the log with the head recorded beside it and, when given, with a
 * head published earlier. An intact log has exactly `head.count` entries, the
 * last with `head.lastHash`; a published head must still be an entry of it.
 * Entries removed from the end, the middle or all at once change the count.
 */
export function checkAuditAnchor(
  chain: AuditChainEnd,
  head: AuditHead | null,
  published?: Pick<AuditHead, 'count' | 'lastHash'>,
): AuditAnchorProblem[] {
  const problems: AuditAnchorProblem[] = [];
  if (!head) {
    problems.push({ reason: 'head-missing', message: 'the audit head record is missing (deleted?)' });
  } else {
    const lastSeq = chain.last?.seq ?? 0;
    if (head.count !== chain.count || head.count !== lastSeq)
      problems.push({
        reason: 'head-count-mismatch',
        message: `the head records ${head.count} entries but the log holds ${chain.count} (last sequence number ${lastSeq}): entries were removed or inserted`,
      });
    else if (head.count > 0 && head.lastHash !== chain.last?.hash)
      problems.push({
        reason: 'head-hash-mismatch',
        message: `the head's last hash ${head.lastHash.slice(0, 12)}… is not the hash of entry ${lastSeq}: the last entry was replaced`,
      });
  }
  if (published && published.count > 0) {
    if ((chain.last?.seq ?? 0) < published.count || chain.hashAtPublished === undefined)
      problems.push({
        reason: 'behind-published-head',
        message: `a head published with ${published.count} entries is no longer in the log (it ends at ${chain.last?.seq ?? 0}): the log was rolled back`,
      });
    else if (chain.hashAtPublished !== published.lastHash)
      problems.push({
        reason: 'published-hash-mismatch',
        message: `entry ${published.count} no longer has the published hash ${published.lastHash.slice(0, 12)}…: the log was rewritten`,
      });
  }
  return problems;
}

/**
 * Reads a published head given as `count:hash` (the form `entente audit head`
 * prints) or as its JSON (`{"count":…,"lastHash":…}`); undefined when neither.
 */
export function parsePublishedAuditHead(text: string): Pick<AuditHead, 'count' | 'lastHash'> | undefined {
  const trimmed = text.trim();
  const short = /^(\d{1,15}):([0-9a-f]{64})$/i.exec(trimmed);
  if (short) return { count: Number(short[1]), lastHash: short[2]!.toLowerCase() };
  try {
    const value = JSON.parse(trimmed) as { count?: unknown; lastHash?: unknown };
    if (
      Number.isSafeInteger(value.count) &&
      (value.count as number) >= 0 &&
      typeof value.lastHash === 'string' &&
      /^[0-9a-f]{64}$/.test(value.lastHash)
    )
      return { count: value.count as number, lastHash: value.lastHash };
  } catch {
    // Not JSON either: the caller reports the input as unreadable.
  }
  return undefined;
}
