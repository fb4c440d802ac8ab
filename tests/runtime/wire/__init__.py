"""go-plugin's wire features between Python peers: broker, AutoMTLS, multiplexing, stdio."""
