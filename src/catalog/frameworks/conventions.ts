import type { FrameworkSpec } from './types.js';

const HTTP_VERBS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const SOURCE = '[cm]?[jt]sx?$';

/**
 * Next.js file conventions. Build-time exports (`getStaticProps`, `getStaticPaths`,
 * `generateStaticParams`) are start-up code; `getServerSideProps` runs per request. Server
 * actions (`'use server'`) are found by their directive, not by path.
 */
export const next: FrameworkSpec = {
  framework: 'nextjs',
  name: 'Next.js',
  label: 'Next.js route handler',
  modules: [],
  conventions: [
    { files: new RegExp(`(^|/)app/(.+/)?route\\.${SOURCE}`), handlers: HTTP_VERBS, label: 'Next.js route handler' },
    { files: new RegExp(`(^|/)pages/api/.+\\.${SOURCE}`), handlers: ['default'], label: 'Next.js API route' },
    {
      files: new RegExp(`(^|/)pages/.+\\.${SOURCE}`),
      handlers: ['getServerSideProps'],
      startup: ['getStaticProps', 'getStaticPaths'],
      label: 'Next.js data function',
    },
    { files: new RegExp(`(^|/)app/(.+/)?(page|layout|route|default|sitemap|opengraph-image|icon)\\.${SOURCE}`), startup: ['generateStaticParams'], label: 'Next.js page' },
    // `middleware.ts` (Next 12–15) and `proxy.ts` (Next 16) at the project root or in `src/`, or anywhere when they import Next.
    { files: new RegExp(`^(src/)?(middleware|proxy)\\.${SOURCE}`), relative: true, handlers: ['default', 'middleware', 'proxy'], label: 'Next.js middleware' },
    { files: new RegExp(`(^|/)(middleware|proxy)\\.${SOURCE}`), importsFrom: ['next/server', 'next'], match: 'all', handlers: ['default', 'middleware', 'proxy'], label: 'Next.js middleware' },
  ],
};

/** Remix and React Router framework mode: `loader`/`action` exports of route modules. */
export const remix: FrameworkSpec = {
  framework: 'remix',
  name: 'Remix',
  label: 'Remix loader',
  modules: [],
  conventions: [
    {
      files: new RegExp(`(^|/)app/routes/.+\\.${SOURCE}`),
      importsFrom: ['@remix-run/', 'react-router', '@react-router/'],
      handlers: ['loader', 'action'],
      label: 'Remix/React Router data function',
    },
    { files: new RegExp(`(^|/)app/root\\.${SOURCE}`), handlers: ['loader', 'action'], importsFrom: ['@remix-run/', 'react-router', '@react-router/'], match: 'all', label: 'Remix/React Router data function' },
    { files: new RegExp(`(^|/)app/entry\\.server\\.${SOURCE}`), handlers: ['default', 'handleDataRequest'], importsFrom: ['@remix-run/', 'react-router', '@react-router/'], match: 'all', label: 'Remix/React Router server entry' },
  ],
};

/** SvelteKit: `+server.ts` verb exports, `+page.server.ts`/`+layout.server.ts` `load` and `actions`, `hooks.server.ts` `handle`. */
export const sveltekit: FrameworkSpec = {
  framework: 'sveltekit',
  name: 'SvelteKit',
  label: 'SvelteKit endpoint',
  modules: [],
  conventions: [
    { files: new RegExp(`(^|/)\\+server\\.${SOURCE}`), handlers: [...HTTP_VERBS, 'fallback'], label: 'SvelteKit endpoint' },
    { files: new RegExp(`(^|/)\\+(page|layout)\\.server\\.${SOURCE}`), handlers: ['load', 'actions'], label: 'SvelteKit server function' },
    { files: new RegExp(`(^|/)hooks\\.server\\.${SOURCE}`), handlers: ['handle', 'handleFetch', 'handleError'], label: 'SvelteKit hook' },
  ],
};

/**
 * AWS Lambda: the `handler` export (`export const handler`, `export async function handler`,
 * `exports.handler`, `module.exports.handler`) of a file that uses Lambda's or the AWS SDK's
 * modules. A handler taking a callback (third parameter) is never made async by a suggestion:
 * Lambda would then ignore the callback.
 */
export const lambda: FrameworkSpec = {
  framework: 'lambda',
  name: 'AWS Lambda',
  label: 'AWS Lambda handler',
  modules: ['aws-lambda'],
  conventions: [
    {
      importsFrom: ['aws-lambda', '@aws-sdk/', 'aws-sdk', '@middy/', '@aws-lambda-powertools/', 'aws-xray-sdk', 'serverless-http', '@vendia/serverless-express', '@codegenie/serverless-express'],
      handlers: ['handler'],
      label: 'AWS Lambda handler',
      callbackParameter: 2,
    },
  ],
  typeNames: {
    handlers: ['Handler', 'APIGatewayProxyHandler', 'APIGatewayProxyHandlerV2', 'SQSHandler', 'SNSHandler', 'S3Handler', 'ScheduledHandler', 'DynamoDBStreamHandler', 'EventBridgeHandler', 'KinesisStreamHandler', 'ALBHandler', 'LambdaFunctionURLHandler', 'CloudFrontRequestHandler'],
  },
};
