// Registered operations (persisted-documents.ts): a request that names a document by id gets its text; with
// HUB_PERSISTED_ONLY=public an anonymous caller may run registered documents only, and anything else is refused
// (recorded like every refusal). The id of the registered document a request runs is kept for its audit record.
// Apollo's automatic persisted queries keep working for signed-in callers.
import { ErrorCode, hubError, msg } from '@hub/schema';
import { refuse } from '../pipeline/refusal';
import { stage } from '../pipeline/stage';

/** Where the gateway notes, in the request's extensions, the registered document it runs (clients cannot set it). */
export const DOCUMENT_MARK = 'hubPersistedDocument';

export const persistedDocuments = stage({
  name: 'persisted-documents',
  phase: 'request',
  needs: ['http', 'principal'],
  provides: [],
  create: ({ config, persisted }) => ({
    run({ http, principal }) {
      const body = http.body;
      if (!body || typeof body !== 'object' || Array.isArray(body)) return;
      const req = body as Record<string, unknown>;
      const ext = req.extensions && typeof req.extensions === 'object' ? (req.extensions as Record<string, unknown>) : undefined;
      if (ext) delete ext[DOCUMENT_MARK];
      const mark = (id: string) => {
        req.extensions = { ...(ext ?? {}), [DOCUMENT_MARK]: id };
      };
      const onlyRegistered = config.persistedOnly === 'public' && principal.kind === 'PUBLIC';
      const notInList = () =>
        refuse(
          hubError(
            msg(
              'This hub runs only registered operations for callers who are not signed in: send the documentId of a registered document, or sign in',
              'Hệ thống chỉ chạy các thao tác đã đăng ký cho người chưa đăng nhập: hãy gửi documentId của một tài liệu đã đăng ký, hoặc đăng nhập',
            ),
            { code: ErrorCode.PERSISTED_QUERY_NOT_IN_LIST, http: { status: 400 } },
          ),
        );

      if (req.documentId !== undefined && typeof req.documentId !== 'string')
        return refuse(hubError(msg('documentId must be a string', 'documentId phải là một chuỗi'), { code: ErrorCode.BAD_REQUEST }));
      const apq = ext?.persistedQuery as { sha256Hash?: unknown } | undefined;
      const id =
        typeof req.documentId === 'string'
          ? req.documentId
          : typeof req.query !== 'string' && typeof apq?.sha256Hash === 'string'
            ? apq.sha256Hash
            : undefined;
      if (id !== undefined) {
        const doc = persisted.byId(id);
        if (doc) {
          req.query = doc.body;
          delete req.documentId;
          if (ext) delete ext.persistedQuery;
          mark(doc.id);
          return;
        }
        if (typeof req.documentId === 'string')
          return refuse(
            hubError(
              msg(
                `No registered document has the id ${JSON.stringify(id.slice(0, 200))}`,
                `Không có tài liệu đã đăng ký nào có id ${JSON.stringify(id.slice(0, 200))}`,
              ),
              { code: ErrorCode.PERSISTED_QUERY_NOT_FOUND, http: { status: 400 } },
            ),
          );
        // An automatic persisted query's hash: Apollo Server answers it, for those who may send any operation.
        if (onlyRegistered) return notInList();
        return;
      }
      if (typeof req.query === 'string') {
        const doc = persisted.byText(req.query);
        if (doc) mark(doc.id);
        else if (onlyRegistered) return notInList();
      }
    },
  }),
});
