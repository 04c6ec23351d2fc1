import type { Database } from 'better-sqlite3';
import type { Person, ReviewDecision } from '../../shared/api/review';

/** A stored sign-off of one article. */
export interface StoredReview {
  readonly articleKey: string;
  readonly status: ReviewDecision;
  readonly note: string | null;
  readonly reviewer: Person;
  readonly at: string;
  /** `articleTextHash` of the article's text when it was decided on. */
  readonly textHash: string;
}

interface ReviewRow {
  article_key: string;
  status: ReviewDecision;
  note: string | null;
  reviewer_id: string;
  reviewer_name: string;
  reviewed_at: string;
  text_hash: string;
}

/** SQLite storage of article sign-offs. */
export interface ReviewStore {
  /** The current decision of each reviewed article of an act, by article key. */
  decisions(docId: string): Map<string, StoredReview>;
  /** Stores a decision and its history row in one transaction. */
  decide(docId: string, review: StoredReview): void;
}

/** Creates the review store on the workspace database. */
export function createReviewStore(db: Database): ReviewStore {
  const list = db.prepare<[string], ReviewRow>('SELECT * FROM article_reviews WHERE doc_id = ?');
  const upsert = db.prepare(
    `INSERT INTO article_reviews (doc_id, article_key, status, note, reviewer_id, reviewer_name, reviewed_at, text_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (doc_id, article_key) DO UPDATE SET status = excluded.status, note = excluded.note, reviewer_id = excluded.reviewer_id,
       reviewer_name = excluded.reviewer_name, reviewed_at = excluded.reviewed_at, text_hash = excluded.text_hash`,
  );
  const history = db.prepare(
    'INSERT INTO article_review_history (doc_id, article_key, status, note, reviewer_id, reviewer_name, reviewed_at, text_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  return {
    decisions(docId) {
      const out = new Map<string, StoredReview>();
      for (const row of list.all(docId)) {
        out.set(row.article_key, {
          articleKey: row.article_key,
          status: row.status,
          note: row.note,
          reviewer: { id: row.reviewer_id, name: row.reviewer_name },
          at: row.reviewed_at,
          textHash: row.text_hash,
        });
      }
      return out;
    },
    decide: db.transaction((docId: string, r: StoredReview) => {
      const args = [docId, r.articleKey, r.status, r.note, r.reviewer.id, r.reviewer.name, r.at, r.textHash] as const;
      upsert.run(...args);
      history.run(...args);
    }),
  };
}
