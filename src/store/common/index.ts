export { ARTICLE_COLUMNS, blobToSignature, rowToArticle, signatureToBlob, sortTime } from './article-rows.ts';
export { operatorView, ownerKey, rowToSource, withLink } from './source-rows.ts';
export { nullableText } from './sql-values.ts';
export { EMPTY_FILTER, rowToDelivery, rowToSubscription, scopeKey } from './subscription-rows.ts';
