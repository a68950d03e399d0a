import type { Lang, LocalizedText } from '@polcenter/domain';
import { type TRPC_ERROR_CODE_KEY, TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import type { ErrorShape } from './errors.js';

/**
 * tRPC's own refusals — a request it could not read, a path with no procedure, the wrong method, a
 * body over the limit, too many calls in a batch — as sentences in the caller's languages. tRPC
 * writes them in English for developers ("Expected property name or '}' in JSON at position 1");
 * the English text keeps that detail, the Vietnamese one says what to do.
 */
export function transportText(code: TRPC_ERROR_CODE_KEY, message: string, path?: string): LocalizedText {
  switch (code) {
    case 'PARSE_ERROR':
    case 'BAD_REQUEST':
      if (/batch/i.test(message)) {
        return {
          vi: 'Quá nhiều lệnh gọi gộp trong một yêu cầu.',
          en: `Too many calls batched in one request: ${message}`,
        };
      }
      return {
        vi: 'Không đọc được yêu cầu: dữ liệu gửi lên không phải JSON hợp lệ hoặc sai dạng.',
        en: `The request could not be read: ${message}`,
      };
    case 'NOT_FOUND':
      return path
        ? { vi: `API không có chức năng "${path}".`, en: `The API has no procedure "${path}".` }
        : { vi: 'API không có chức năng này.', en: 'The API has no such procedure.' };
    case 'METHOD_NOT_SUPPORTED':
      return {
        vi: 'Sai phương thức HTTP: chức năng đọc dùng GET, chức năng ghi dùng POST.',
        en: `Wrong HTTP method: queries take GET, mutations POST. ${message}`,
      };
    case 'PAYLOAD_TOO_LARGE':
      return { vi: 'Yêu cầu quá lớn.', en: 'The request is too large.' };
    case 'UNSUPPORTED_MEDIA_TYPE':
      return {
        vi: 'Yêu cầu thay đổi dữ liệu phải gửi dạng application/json.',
        en: `Mutations take application/json only: ${message}`,
      };
    default:
      return { vi: 'Không thực hiện được yêu cầu.', en: message };
  }
}

/**
 * An error answer written outside tRPC (the request guard's refusals) in the very shape tRPC's
 * answers have, so a client — the typed client, a widget — reads it as any other refusal.
 */
export function errorEnvelope(
  code: TRPC_ERROR_CODE_KEY,
  httpStatus: number,
  domainCode: string,
  text: LocalizedText,
  lang: Lang,
): { error: ErrorShape } {
  return {
    error: {
      code: TRPC_ERROR_CODES_BY_KEY[code],
      message: text[lang],
      data: { code, httpStatus, domainCode, fields: [], text },
    },
  };
}
