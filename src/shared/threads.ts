import type { Comment } from './domain'

/**
 * Who is acting on a thread: the desk person's id once the roster names them (null before),
 * and the name the history and new comments record.
 */
export interface Me {
  id: string | null
  name: string
}

/**
 * True when `me` wrote `comment`, so may edit or delete it: by person id where both have one,
 * else by name (comments from before the roster, or from a file, carry only a name).
 */
export function isOwnComment(comment: Pick<Comment, 'authorId' | 'authorName'>, me: Me): boolean {
  if (comment.authorId && me.id) return comment.authorId === me.id
  return comment.authorName.trim().toLowerCase() === me.name.trim().toLowerCase()
}

/** A comment's words as a history entry or a notice quotes them: one line, clipped. */
export function commentExcerpt(body: string, n = 60): string {
  const t = body.replace(/\s+/g, ' ').trim()
  return t.length > n ? `${t.slice(0, n - 1)}…` : t
}
