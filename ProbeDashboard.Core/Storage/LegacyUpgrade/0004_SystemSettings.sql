CREATE TABLE "SystemSettings" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_SystemSettings" PRIMARY KEY,
    "Value" TEXT NOT NULL,
    "UpdatedAt" TEXT NOT NULL
);
