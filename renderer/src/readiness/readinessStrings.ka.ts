/** Georgian UI strings of the readiness list (issue 13, §1); spread into ka.ts as `readiness`. */
export const readinessStringsKa = {
  readiness: {
    title: 'მზადყოფნა საკრებულოსთვის',
    ready: 'გასასწორებელი არაფერია: აქტი მზადაა კომისიისთვის.',
    blocking: 'ბლოკირებადი',
    warning: 'გაფრთხილება',
    summary: 'ბლოკირებადი: {{blocking}}, გაფრთხილება: {{warnings}}',
    hint: 'ბლოკირებადი პრობლემები კომისიამდე უნდა გასწორდეს; გაფრთხილებას კოორდინატორი შეიძლება გადაუხვიოს მიზეზის მითითებით.',
    show: 'ტექსტში ჩვენება',
    loading: 'აქტი მოწმდება…',
    offline: 'მზადყოფნის შესამოწმებლად საჭიროა სერვერთან კავშირი.',
  },
} as const;
