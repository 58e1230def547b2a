import type { Area } from '../../app/area';
import type { DraftDto } from '../../contract/drafts';
import { deleteDraft, listDrafts, saveDraft, type DraftRow } from '../../db/repositories/drafts';
import { getConversation } from '../../db/repositories/conversations';
import { notFound } from '../shared/errors';

export const draftDto = (r: DraftRow): DraftDto => ({
  conversationId: r.conversation_id,
  body: r.body,
  mode: r.mode,
  channel: r.channel,
  attachment: r.attachment ? (JSON.parse(r.attachment) as DraftDto['attachment']) : null,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at,
});

/** Reply drafts per conversation, in the database so they survive a reload and a restart. */
export const draftsArea: Area = {
  name: 'drafts',
  handlers: (ctx) => ({
    'drafts.list': () => ({ drafts: listDrafts(ctx.db).map(draftDto) }),
    'drafts.save': (req, call) => {
      if (!getConversation(ctx.db, req.conversationId)) throw notFound('Conversation', req.conversationId);
      if (req.body.trim() === '' && req.attachment === null) {
        if (deleteDraft(ctx.db, req.conversationId)) ctx.events.emit('draft.changed', { conversationId: req.conversationId, draft: null });
        return { ok: true as const };
      }
      const row: DraftRow = {
        conversation_id: req.conversationId,
        body: req.body,
        mode: req.mode,
        channel: req.channel,
        attachment: req.attachment ? JSON.stringify(req.attachment) : null,
        updated_by: call.user,
        updated_at: ctx.clock.now(),
      };
      saveDraft(ctx.db, row);
      ctx.events.emit('draft.changed', { conversationId: req.conversationId, draft: draftDto(row) });
      return { ok: true as const };
    },
  }),
};
