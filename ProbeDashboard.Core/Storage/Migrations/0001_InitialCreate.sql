CREATE TABLE "AgentComponents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgentComponents" PRIMARY KEY AUTOINCREMENT,
    "HostId" INTEGER NOT NULL,
    "PackagePath" TEXT NOT NULL,
    "PackageName" TEXT NOT NULL,
    "PackageSignature" TEXT NOT NULL,
    "PackageAlgorithm" TEXT NOT NULL,
    "FirstSeenAt" TEXT NOT NULL,
    "LastSeenAt" TEXT NOT NULL
);


CREATE TABLE "AgentTokens" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgentTokens" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "Prefix" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    "LastUsedAt" TEXT NULL
);


CREATE TABLE "AlertEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AlertEvents" PRIMARY KEY AUTOINCREMENT,
    "SourceKey" TEXT NOT NULL,
    "AlertRuleId" INTEGER NULL,
    "AlertRuleName" TEXT NOT NULL,
    "Condition" TEXT NOT NULL,
    "DurationSeconds" INTEGER NOT NULL,
    "TargetType" INTEGER NOT NULL,
    "TargetId" INTEGER NOT NULL,
    "TargetName" TEXT NOT NULL,
    "TargetUuid" TEXT NULL,
    "Status" INTEGER NOT NULL,
    "Level" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Message" TEXT NOT NULL,
    "CurrentValueJson" TEXT NOT NULL,
    "NotificationGroupId" INTEGER NULL,
    "PendingSince" TEXT NOT NULL,
    "FiresAt" TEXT NULL,
    "TriggerTime" TEXT NULL,
    "RecoverTime" TEXT NULL,
    "SilenceUntil" TEXT NULL,
    "NotifyOnResolve" INTEGER NOT NULL,
    "GoodRounds" INTEGER NOT NULL,
    "LastNotifiedAt" TEXT NULL,
    "Announced" INTEGER NOT NULL,
    "Acknowledged" INTEGER NOT NULL,
    "AckUserId" INTEGER NULL,
    "AckUserName" TEXT NULL,
    "AckTime" TEXT NULL,
    "AckNote" TEXT NULL,
    "UpdatedAt" TEXT NOT NULL
);


CREATE TABLE "AlertRules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AlertRules" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Enabled" INTEGER NOT NULL,
    "Type" INTEGER NOT NULL,
    "TargetIds" TEXT NOT NULL,
    "Condition" TEXT NOT NULL,
    "DurationSeconds" INTEGER NOT NULL,
    "RecoverThreshold" INTEGER NOT NULL,
    "NotificationGroupId" INTEGER NULL,
    "Level" INTEGER NOT NULL,
    "SilencePeriodSeconds" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);


CREATE TABLE "AspNetRoles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AspNetUsers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY AUTOINCREMENT,
    "Role" INTEGER NOT NULL,
    "Disabled" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "AvailabilityBuckets" (
    "MonitorId" INTEGER NOT NULL,
    "HostId" INTEGER NOT NULL,
    "Size" INTEGER NOT NULL,
    "Start" TEXT NOT NULL,
    "Total" INTEGER NOT NULL,
    "Successes" INTEGER NOT NULL,
    "LatencySumMs" REAL NOT NULL,
    "LatencyMinMs" REAL NULL,
    "LatencyMaxMs" REAL NULL,
    CONSTRAINT "PK_AvailabilityBuckets" PRIMARY KEY ("MonitorId", "Size", "Start", "HostId")
);


CREATE TABLE "HookProfiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_HookProfiles" PRIMARY KEY AUTOINCREMENT,
    "Language" TEXT NOT NULL,
    "Type" INTEGER NOT NULL,
    "Enable" INTEGER NOT NULL,
    "Value" TEXT NOT NULL,
    "Details" TEXT NOT NULL
);


CREATE TABLE "HostGroups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_HostGroups" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL
);


CREATE TABLE "HostMetricSamples" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_HostMetricSamples" PRIMARY KEY AUTOINCREMENT,
    "HostId" INTEGER NOT NULL,
    "Timestamp" TEXT NOT NULL,
    "CpuUsage" REAL NULL,
    "MemUsage" REAL NULL,
    "DiskUsage" REAL NULL,
    "Load1" REAL NULL,
    "Load5" REAL NULL,
    "Load15" REAL NULL,
    "NetInSpeed" REAL NULL,
    "NetOutSpeed" REAL NULL
);


CREATE TABLE "MethodCallReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MethodCallReports" PRIMARY KEY AUTOINCREMENT,
    "HostId" INTEGER NOT NULL,
    "ReceivedAt" TEXT NOT NULL,
    "Method" TEXT NULL,
    "Uri" TEXT NOT NULL,
    "Url" TEXT NULL,
    "ClientIp" TEXT NULL,
    "Language" TEXT NULL,
    "PoolSize" INTEGER NOT NULL,
    "DetailJson" TEXT NOT NULL
);


CREATE TABLE "Monitors" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Monitors" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Enabled" INTEGER NOT NULL,
    "Kind" INTEGER NOT NULL,
    "Target" TEXT NOT NULL,
    "IntervalSeconds" INTEGER NOT NULL,
    "TimeoutSeconds" INTEGER NOT NULL,
    "Retry" INTEGER NOT NULL,
    "ExecuteOn" INTEGER NOT NULL,
    "ExecuteOnGroupId" INTEGER NULL,
    "ExecuteOnHostIds" TEXT NOT NULL,
    "SkipHostIds" TEXT NOT NULL,
    "EnableAlert" INTEGER NOT NULL,
    "FailThreshold" INTEGER NOT NULL,
    "RecoverThreshold" INTEGER NOT NULL,
    "NotificationGroupId" INTEGER NULL,
    "LatencyAlert" INTEGER NOT NULL,
    "MaxLatencySeconds" REAL NULL,
    "Http" TEXT NOT NULL,
    "Origin" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL,
    "CurrentStatus" INTEGER NOT NULL,
    "StatusSince" TEXT NULL,
    "LastProbeAt" TEXT NULL,
    "LastSuccess" INTEGER NULL,
    "LastLatencyMs" REAL NULL,
    "LastStatusCode" INTEGER NULL,
    "LastError" TEXT NULL,
    "ConsecutiveFailures" INTEGER NOT NULL
);


CREATE TABLE "NotificationGroups" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NotificationGroups" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);


CREATE TABLE "NotificationOutbox" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NotificationOutbox" PRIMARY KEY AUTOINCREMENT,
    "AlertEventId" INTEGER NULL,
    "Purpose" INTEGER NOT NULL,
    "Channel" INTEGER NOT NULL,
    "Address" TEXT NOT NULL,
    "ProtectedSecret" TEXT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "PayloadJson" TEXT NOT NULL,
    "Status" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "LastError" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SentAt" TEXT NULL
);


CREATE TABLE "ProbeResults" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProbeResults" PRIMARY KEY AUTOINCREMENT,
    "MonitorId" INTEGER NOT NULL,
    "HostId" INTEGER NOT NULL,
    "Timestamp" TEXT NOT NULL,
    "Success" INTEGER NOT NULL,
    "LatencyMs" REAL NOT NULL,
    "StatusCode" INTEGER NOT NULL,
    "ErrorMessage" TEXT NULL,
    "CertificateExpiresAt" TEXT NULL
);


CREATE TABLE "AlertEventSamples" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AlertEventSamples" PRIMARY KEY AUTOINCREMENT,
    "AlertEventId" INTEGER NOT NULL,
    "Timestamp" TEXT NOT NULL,
    "ValuesJson" TEXT NOT NULL,
    CONSTRAINT "FK_AlertEventSamples_AlertEvents_AlertEventId" FOREIGN KEY ("AlertEventId") REFERENCES "AlertEvents" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" INTEGER NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" INTEGER NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" INTEGER NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" INTEGER NOT NULL,
    "RoleId" INTEGER NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" INTEGER NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Hosts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Hosts" PRIMARY KEY AUTOINCREMENT,
    "Uuid" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Hostname" TEXT NOT NULL,
    "IsServer" INTEGER NOT NULL,
    "GroupId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastSeenAt" TEXT NULL,
    "VmInstanceId" TEXT NULL,
    "Agent" TEXT NOT NULL,
    "HeartbeatSeconds" INTEGER NOT NULL,
    "Online" INTEGER NOT NULL,
    "OnlineSince" TEXT NULL,
    "Command" INTEGER NOT NULL,
    "MetricsAt" TEXT NULL,
    "CpuUsage" REAL NULL,
    "MemUsage" REAL NULL,
    "DiskUsage" REAL NULL,
    "Load1" REAL NULL,
    "Load5" REAL NULL,
    "Load15" REAL NULL,
    "NetInSpeed" REAL NULL,
    "NetOutSpeed" REAL NULL,
    CONSTRAINT "FK_Hosts_HostGroups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "HostGroups" ("Id") ON DELETE SET NULL
);


CREATE TABLE "NotificationRecipients" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_NotificationRecipients" PRIMARY KEY AUTOINCREMENT,
    "NotificationGroupId" INTEGER NOT NULL,
    "Channel" INTEGER NOT NULL,
    "Address" TEXT NOT NULL,
    "ProtectedSecret" TEXT NULL,
    CONSTRAINT "FK_NotificationRecipients_NotificationGroups_NotificationGroupId" FOREIGN KEY ("NotificationGroupId") REFERENCES "NotificationGroups" ("Id") ON DELETE CASCADE
);


CREATE UNIQUE INDEX "IX_AgentComponents_HostId_PackagePath" ON "AgentComponents" ("HostId", "PackagePath");


CREATE UNIQUE INDEX "IX_AgentTokens_TokenHash" ON "AgentTokens" ("TokenHash");


CREATE INDEX "IX_AlertEvents_AlertRuleId_PendingSince" ON "AlertEvents" ("AlertRuleId", "PendingSince");


CREATE UNIQUE INDEX "IX_AlertEvents_Open" ON "AlertEvents" ("SourceKey", "TargetType", "TargetId") WHERE "Status" <> 3;


CREATE INDEX "IX_AlertEvents_PendingSince" ON "AlertEvents" ("PendingSince");


CREATE INDEX "IX_AlertEvents_Status_Level" ON "AlertEvents" ("Status", "Level");


CREATE INDEX "IX_AlertEventSamples_AlertEventId_Timestamp" ON "AlertEventSamples" ("AlertEventId", "Timestamp");


CREATE INDEX "IX_AlertRules_Enabled" ON "AlertRules" ("Enabled");


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_HookProfiles_Language" ON "HookProfiles" ("Language");


CREATE UNIQUE INDEX "IX_HostGroups_Name" ON "HostGroups" ("Name");


CREATE INDEX "IX_HostMetricSamples_HostId_Timestamp" ON "HostMetricSamples" ("HostId", "Timestamp");


CREATE INDEX "IX_HostMetricSamples_Timestamp" ON "HostMetricSamples" ("Timestamp");


CREATE INDEX "IX_Hosts_GroupId" ON "Hosts" ("GroupId");


CREATE UNIQUE INDEX "IX_Hosts_Name" ON "Hosts" ("Name");


CREATE UNIQUE INDEX "IX_Hosts_Uuid" ON "Hosts" ("Uuid");


CREATE INDEX "IX_Hosts_VmInstanceId" ON "Hosts" ("VmInstanceId");


CREATE INDEX "IX_MethodCallReports_HostId_ReceivedAt" ON "MethodCallReports" ("HostId", "ReceivedAt");


CREATE INDEX "IX_MethodCallReports_ReceivedAt" ON "MethodCallReports" ("ReceivedAt");


CREATE INDEX "IX_Monitors_Enabled" ON "Monitors" ("Enabled");


CREATE INDEX "IX_Monitors_Name" ON "Monitors" ("Name");


CREATE UNIQUE INDEX "IX_NotificationGroups_Name" ON "NotificationGroups" ("Name");


CREATE INDEX "IX_NotificationOutbox_AlertEventId" ON "NotificationOutbox" ("AlertEventId");


CREATE INDEX "IX_NotificationOutbox_Status_NextAttemptAt" ON "NotificationOutbox" ("Status", "NextAttemptAt");


CREATE INDEX "IX_NotificationRecipients_NotificationGroupId" ON "NotificationRecipients" ("NotificationGroupId");


CREATE INDEX "IX_ProbeResults_MonitorId_Timestamp" ON "ProbeResults" ("MonitorId", "Timestamp");


CREATE INDEX "IX_ProbeResults_Timestamp" ON "ProbeResults" ("Timestamp");


