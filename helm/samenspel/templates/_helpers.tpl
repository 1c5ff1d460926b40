{{/* Names */}}
{{- define "samenspel.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "samenspel.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels; "component" is governance, documents or migration. */}}
{{- define "samenspel.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "samenspel.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: samenspel
{{- end }}

{{- define "samenspel.selectorLabels" -}}
app.kubernetes.io/name: {{ include "samenspel.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* The image reference of a component: repository:tag, the tag defaulting to the appVersion. */}}
{{- define "samenspel.imageRef" -}}
{{- $image := index .root.Values .component "image" }}
{{- printf "%s:%s" $image.repository (default .root.Chart.AppVersion $image.tag) }}
{{- end }}

{{/* The JDBC URL of the external PostgreSQL. */}}
{{- define "samenspel.dbUrl" -}}
{{- $pg := .Values.postgresql }}
{{- $url := printf "jdbc:postgresql://%s:%d/%s?sslmode=%s" (required "postgresql.host is required" $pg.host) (int $pg.port) (required "postgresql.database is required" $pg.database) $pg.sslmode }}
{{- if $pg.sslRootCert.existingSecret }}
{{- $url = printf "%s&sslrootcert=/etc/samenspel/postgresql/%s" $url $pg.sslRootCert.key }}
{{- end }}
{{- $url }}
{{- end }}

{{- define "samenspel.publicUrl" -}}
{{- if .Values.config.publicUrl }}
{{- .Values.config.publicUrl }}
{{- else }}
{{- printf "https://%s" (required "config.publicUrl or ingress.host is required" .Values.ingress.host) }}
{{- end }}
{{- end }}

{{- define "samenspel.documentsUrl" -}}
{{- printf "http://%s-documents:%d" (include "samenspel.fullname" .) (int .Values.documents.port) }}
{{- end }}

{{/*
extraEnv goes into a ConfigMap, so it must not carry secrets: refuse names that look like one.
Secrets belong in a Secret, referenced with secretKeyRef.
*/}}
{{- define "samenspel.extraEnv" -}}
{{- range $name, $value := .extraEnv }}
{{- if regexMatch "(?i)(PASSWORD|SECRET|TOKEN|JWT|PRIVATE)" $name }}
{{- fail (printf "%s.extraEnv.%s looks like a secret; extraEnv lands in a ConfigMap. Put it in a Secret instead." $.component $name) }}
{{- end }}
{{ $name }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}

{{/* Writable /tmp on a read-only root filesystem. */}}
{{- define "samenspel.tmpVolume" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ . }}
{{- end }}

{{- define "samenspel.podScheduling" -}}
{{- with .nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .topologySpreadConstraints }}
topologySpreadConstraints:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end }}

{{- define "samenspel.podCommon" -}}
automountServiceAccountToken: false
{{- with .Values.serviceAccountName }}
serviceAccountName: {{ . }}
{{- end }}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- end }}

{{/* Egress to the cluster DNS. */}}
{{- define "samenspel.dnsEgress" -}}
- to:
    - namespaceSelector:
        matchLabels:
          kubernetes.io/metadata.name: {{ .Values.networkPolicy.dns.namespace }}
      {{- with .Values.networkPolicy.dns.podLabels }}
      podSelector:
        matchLabels:
          {{- toYaml . | nindent 10 }}
      {{- end }}
  ports:
    - protocol: UDP
      port: 53
    - protocol: TCP
      port: 53
{{- end }}

{{/* Egress to PostgreSQL: governance and the migration job only. */}}
{{- define "samenspel.postgresqlEgress" -}}
- ports:
    - protocol: TCP
      port: {{ int .Values.postgresql.port }}
  {{- with .Values.networkPolicy.postgresqlPeers }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
