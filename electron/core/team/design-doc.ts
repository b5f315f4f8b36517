// The design document a desk puts into the team database when it joins: CouchDB runs its
// validate_doc_update on every write, from every desk, so one bad client cannot put a
// malformed document in front of the others. Written as CouchDB's JavaScript (ES5, no
// closures over this file): it is sent as text.

export const designDocId = '_design/midad'

/** Raised by the validator's version: a desk with an older one replaces it on join. */
export const validatorVersion = 4

const validate = `function (newDoc, oldDoc, userCtx) {
  function refuse(why) { throw({ forbidden: why }); }
  function text(value) { return typeof value === 'string'; }
  if (newDoc._deleted) return;
  var id = newDoc._id;
  if (id.indexOf('_design/') === 0) {
    if (userCtx.roles.indexOf('_admin') === -1 && userCtx.name !== null) refuse('only an admin changes the design document');
    return;
  }
  var kinds = { article: /^article:[a-z0-9]+$/, transition: /^transition:[a-z0-9]+:[0-9a-f]{16}$/, note: /^note:[a-z0-9]+:[^:]+$/, media: /^media:[0-9a-f]{64}$/, presence: /^presence:.+$/ };
  var pattern = kinds[newDoc.type];
  if (!pattern) refuse('unknown document type: ' + newDoc.type);
  if (!pattern.test(id)) refuse('a ' + newDoc.type + ' document cannot be called ' + id);
  if (newDoc.type === 'article') {
    var f = newDoc.fields;
    if (!text(newDoc.id) || 'article:' + newDoc.id !== id) refuse('article id does not match');
    if (!text(newDoc.createdAt) || !text(newDoc.updatedAt) || !text(newDoc.savedBy) || !text(newDoc.desk)) refuse('article times and authors must be text');
    if (!f || typeof f !== 'object') refuse('article has no fields');
    var texts = ['headline', 'kicker', 'summary', 'section', 'byline', 'source', 'place', 'slug', 'editorNote'];
    for (var i = 0; i < texts.length; i++) if (!text(f[texts[i]])) refuse(texts[i] + ' must be text');
    if (!f.body || !Array.isArray(f.body.ops)) refuse('body must be a Quill Delta');
    if (!Array.isArray(f.tags)) refuse('tags must be a list');
    if (typeof f.priority !== 'number' || f.priority < 1 || f.priority > 6) refuse('priority must be 1 to 6');
    if (typeof f.trashed !== 'boolean') refuse('trashed must be true or false');
    if (!newDoc.changedIn || typeof newDoc.changedIn !== 'object') refuse('article has no field revisions');
  }
  if (newDoc.type === 'transition') {
    var states = ['draft', 'in_review', 'ready', 'scheduled', 'exported', 'corrected', 'withdrawn'];
    if (states.indexOf(newDoc.to) === -1) refuse('unknown state: ' + newDoc.to);
    if (newDoc.from !== null && states.indexOf(newDoc.from) === -1) refuse('unknown state: ' + newDoc.from);
    if (!text(newDoc.at) || !text(newDoc.by) || !text(newDoc.note) || !Array.isArray(newDoc.after)) refuse('a move needs at, by, note and after');
    if (oldDoc && !oldDoc._deleted && (oldDoc.to !== newDoc.to || oldDoc.from !== newDoc.from || oldDoc.at !== newDoc.at || oldDoc.by !== newDoc.by)) refuse('a move is never changed');
  }
  if (newDoc.type === 'media') {
    if (newDoc._id !== 'media:' + newDoc.sha256) refuse('a media document is named by its sha256');
    var names = newDoc._attachments ? Object.keys(newDoc._attachments) : [];
    if (names.length !== 1) refuse('a media document holds exactly one attachment');
  }
  if (newDoc.type === 'presence') {
    if (!text(newDoc.desk) || 'presence:' + newDoc.desk !== id) refuse('a presence is named by its desk');
    if (!text(newDoc.editor) || !text(newDoc.at)) refuse('a presence needs editor and at');
    if (newDoc.article !== null && !text(newDoc.article)) refuse('a presence names an article or none');
  }
  if (newDoc.type === 'note') {
    var n = newDoc.note;
    if (!n || !text(n.id) || !text(n.text) || !text(n.by) || !text(n.at)) refuse('a note needs id, text, by and at');
    if (oldDoc && !oldDoc._deleted && oldDoc.note.text !== n.text) refuse('a note is never rewritten, only resolved');
  }
}`

export const designDoc = {
  _id: designDocId,
  version: validatorVersion,
  validate_doc_update: validate,
}
