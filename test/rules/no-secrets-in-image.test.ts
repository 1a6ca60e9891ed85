import { ruleTester } from '../ruleTester';
import rule from '../../rules/no-secrets-in-image';

ruleTester.run(rule, {
  valid: [
    { kind: 'dockerfile', code: 'FROM alpine:3.20\nRUN --mount=type=ssh git clone git@github.com:org/private.git\n', name: 'an SSH agent mounted for one step' },
    { kind: 'dockerfile', code: 'FROM node:22\nCOPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n', name: 'an .npmrc mounted for one step' },
    {
      kind: 'dockerfile',
      name: 'public SSH files, repository and signing keys, certificates, env templates, whole contexts',
      code:
        'FROM nginx:1.27\nCOPY authorized_keys known_hosts config /root/.ssh/\nCOPY id_rsa.pub /root/.ssh/\nCOPY nginx_signing.key /tmp/\nCOPY repo.gpg.key /etc/apt/keyrings/\n' +
        'COPY certs/fullchain.pem certs/cert.pem /etc/ssl/\nCOPY .env.example .env.sample ./\nCOPY . .\nCOPY *.pem /certs/\nCOPY $KEY_FILE /keys/\n',
    },
    {
      kind: 'dockerfile',
      name: 'logins that read a mounted secret, clean up in the same step, or keep nothing',
      code:
        'FROM amazon/aws-cli:2.17.0\nRUN --mount=type=secret,id=aws,env=AWS_SECRET_ACCESS_KEY aws configure set aws_secret_access_key "$AWS_SECRET_ACCESS_KEY"\n' +
        'RUN aws configure set region eu-west-1\nRUN az login --identity\nRUN docker login -u bot --password-stdin < /tmp/pw && docker push app && docker logout\n',
    },
    {
      kind: 'dockerfile',
      name: 'a credential file written and removed in the same step, passwords from variables, hashes',
      code:
        'FROM node:22\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm -f .npmrc\n' +
        'RUN echo "root:$ROOT_PASSWORD" | chpasswd\nRUN echo "app:${APP_PASSWORD}" | chpasswd && echo done > /tmp/log\nRUN usermod -p "$(openssl passwd -1 x)" app\n',
    },
    {
      kind: 'dockerfile',
      name: 'credential-file variables pointing at a mounted secret or outside what is copied',
      code: 'FROM python:3.12\nCOPY . /app/\nENV GOOGLE_APPLICATION_CREDENTIALS=/run/secrets/gcp.json KUBECONFIG=/etc/kube/config\n',
    },
    { kind: 'dockerfile', code: 'FROM busybox\nCOPY /src /src\nENV GOOGLE_APPLICATION_CREDENTIALS=./app/google-storage-service.json\n', name: 'a credentials variable pointing outside what is copied (Trivy DS-0031 test)' },
  ],
  invalid: [
    {
      kind: 'dockerfile',
      code: 'FROM alpine:3.20\nCOPY id_rsa /root/.ssh/id_rsa\nRUN git clone git@github.com:org/private.git\n',
      errors: [{ messageId: 'copiedFile', severity: 'warning', data: { instruction: 'COPY', what: 'an SSH private key', path: 'id_rsa' }, line: 2, column: 6, endLine: 2, endColumn: 12 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'an .npmrc among other sources, and a JSON-form COPY to the AWS credentials file',
      code: 'FROM node:22\nCOPY .npmrc package.json package-lock.json ./\nCOPY ["aws/credentials", "/root/.aws/credentials"]\n',
      errors: [
        { messageId: 'copiedFile', data: { instruction: 'COPY', what: 'npm credentials (.npmrc)', path: '.npmrc' }, line: 2, column: 6, endLine: 2, endColumn: 12 },
        { messageId: 'copiedFile', data: { instruction: 'COPY', what: 'AWS credentials', path: '/root/.aws/credentials' }, line: 3, column: 27, endLine: 3, endColumn: 49 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a key copied into a build stage the final image does not build on is information',
      code: 'FROM node:22 AS build\nCOPY .npmrc ./\nRUN npm ci && npm run build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
      errors: [{ messageId: 'copiedFileInBuildStage', severity: 'info', data: { instruction: 'COPY', what: 'npm credentials (.npmrc)', path: '.npmrc' }, line: 2, column: 6, endLine: 2, endColumn: 12 }],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'any key put into an SSH directory, private keys by name, an env file by destination, a credentials variable as destination',
      code:
        'FROM debian:12\nCOPY deploy_key /root/.ssh/\nADD secrets/server.key certs/privkey.pem /etc/ssl/private/\nCOPY config/prod.env /app/.env\nCOPY ./config $AWS_CONFIG_FILE\n',
      errors: [
        { messageId: 'copiedFile', data: { instruction: 'COPY', what: 'an SSH private key', path: 'deploy_key' }, line: 2, column: 6, endLine: 2, endColumn: 16 },
        { messageId: 'copiedFile', data: { instruction: 'ADD', what: 'a private key', path: 'secrets/server.key' }, line: 3, column: 5, endLine: 3, endColumn: 23 },
        { messageId: 'copiedFile', data: { instruction: 'ADD', what: 'a private key', path: 'certs/privkey.pem' }, line: 3, column: 24, endLine: 3, endColumn: 41 },
        { messageId: 'copiedFile', data: { instruction: 'COPY', what: 'an environment file (.env)', path: '/app/.env' }, line: 4, column: 22, endLine: 4, endColumn: 31 },
        { messageId: 'copiedFile', data: { instruction: 'COPY', what: 'the file AWS_CONFIG_FILE names', path: '$AWS_CONFIG_FILE' }, line: 5, column: 15, endLine: 5, endColumn: 31 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a credentials variable pointing into what COPY puts into the image',
      code: 'FROM python:3.12\nWORKDIR /app\nCOPY . /app/\nENV GOOGLE_APPLICATION_CREDENTIALS=/app/gcp-key.json\n',
      errors: [
        { messageId: 'credentialFileVariable', data: { variable: 'ENV', name: 'GOOGLE_APPLICATION_CREDENTIALS', path: '/app/gcp-key.json' }, line: 4, column: 36, endLine: 4, endColumn: 53 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: "Trivy DS-0031's cases: a relative credentials path inside COPY . . and an ARG pointing into a copied directory",
      code: 'FROM busybox\nCOPY . .\nENV GOOGLE_APPLICATION_CREDENTIALS="./news-extraction.json"\nCOPY /src /app/\nARG KUBECONFIG=./app/kubeconfig.yaml\n',
      errors: [
        { messageId: 'credentialFileVariable', data: { variable: 'ENV', name: 'GOOGLE_APPLICATION_CREDENTIALS', path: './news-extraction.json' }, line: 3, column: 36, endLine: 3, endColumn: 60 },
        { messageId: 'credentialFileVariable', data: { variable: 'ARG', name: 'KUBECONFIG', path: './app/kubeconfig.yaml' }, line: 5, column: 16, endLine: 5, endColumn: 37 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'logins that keep the credential in the layer',
      code:
        'FROM google/cloud-sdk:490.0.0\nRUN aws configure set aws_secret_access_key abc123 && aws s3 ls\nRUN gcloud auth activate-service-account --key-file=/tmp/key.json\n' +
        'RUN docker login -u bot -p "$PW" registry.example.com\nRUN npm config set //registry.npmjs.org/:_authToken "$NPM_TOKEN"\n',
      errors: [
        { messageId: 'loginStored', data: { what: 'AWS credentials (~/.aws/credentials)' }, line: 2, column: 23, endLine: 2, endColumn: 44 },
        { messageId: 'loginStored', data: { what: 'Google Cloud credentials (~/.config/gcloud)' }, line: 3, column: 17, endLine: 3, endColumn: 41 },
        { messageId: 'loginStored', data: { what: 'registry credentials (~/.docker/config.json)' }, line: 4, column: 12, endLine: 4, endColumn: 17 },
        { messageId: 'loginStored', data: { what: 'an npm token (~/.npmrc)' }, line: 5, column: 20, endLine: 5, endColumn: 52 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a login in a build stage the final image does not build on is information',
      code: 'FROM google/cloud-sdk:490.0.0 AS fetch\nRUN gcloud auth login --cred-file=/tmp/cred.json && gsutil cp gs://bucket/model.bin /model.bin\nFROM python:3.12-slim\nCOPY --from=fetch /model.bin /model.bin\n',
      errors: [
        { messageId: 'loginStoredInBuildStage', severity: 'info', data: { what: 'Google Cloud credentials (~/.config/gcloud)' }, line: 2, column: 17, endLine: 2, endColumn: 22 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'credential files written by a step, in the image and in a build stage',
      code:
        'FROM golang:1.23 AS build\nARG SSH_KEY_B64\nRUN echo "$SSH_KEY_B64" | base64 -d > /root/.ssh/id_ed25519 && go mod download\n' +
        'FROM alpine:3.20\nRUN printf "machine example.com login ci password x\\n" | tee -a ~/.netrc\n',
      errors: [
        { messageId: 'credentialFileWrittenInBuildStage', severity: 'info', data: { what: 'an SSH private key', path: '/root/.ssh/id_ed25519' }, line: 3, column: 39, endLine: 3, endColumn: 60 },
        { messageId: 'credentialFileWritten', severity: 'warning', data: { what: 'netrc credentials', path: '~/.netrc' }, line: 5, column: 65, endLine: 5, endColumn: 73 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'literal passwords fed to chpasswd and passwd',
      code: "FROM ubuntu:24.04\nRUN echo 'root:root' | chpasswd\nRUN chpasswd <<< \"admin:admin\"\nRUN echo s3cret | passwd --stdin app\n",
      errors: [
        { messageId: 'literalPassword', data: { tool: 'chpasswd' }, line: 2, column: 10, endLine: 2, endColumn: 21 },
        { messageId: 'literalPassword', data: { tool: 'chpasswd' }, line: 3, column: 19, endLine: 3, endColumn: 30 },
        { messageId: 'literalPassword', data: { tool: 'passwd' }, line: 4, column: 10, endLine: 4, endColumn: 16 },
      ],
      fixes: [],
    },
    {
      kind: 'dockerfile',
      name: 'a download with a password in its URL',
      code: 'FROM alpine:3.20\nADD https://ci:hunter2@artifacts.example.com/app.tgz /opt/\n',
      errors: [{ messageId: 'credentialInDownload', data: { what: 'a password in a URL' }, line: 2, column: 16, endLine: 2, endColumn: 23 }],
      fixes: [],
    },
  ],
});
