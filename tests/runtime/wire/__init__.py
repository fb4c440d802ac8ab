"""go-plugin's wire features between Python peers: AutoMTLS, multiplexing, stdio."""
