/** English UI strings of the readiness list (issue 13, §1); spread into en.ts as `readiness`. */
export const readinessStringsEn = {
  readiness: {
    title: 'Readiness for the council',
    ready: 'Nothing to fix: the act is ready for the commission.',
    blocking: 'blocking',
    warning: 'warning',
    summary: '{{blocking}} blocking, {{warnings}} warnings',
    hint: 'Blocking problems must be fixed before the commission; a coordinator may move on past warnings with a reason.',
    show: 'Show in the text',
    loading: 'Checking the act…',
    offline: 'Readiness needs a connection to the server.',
  },
} as const;
